"""SVG bytes -> a re-serialised copy whose every style is in a small known subset.

The copy is parsed by the parsers that render it: lxml for the XML (no DOCTYPE, no
entities, no network, comments and processing instructions dropped) and tinycss2 for
CSS, the tokenizer svglib itself uses. Nothing is matched with a regular expression.
Every ``<style>`` sheet and ``style`` attribute is rebuilt from its parsed tokens:
only the properties in SAFE_PROPERTIES survive, each value re-written from plain
tokens (names, numbers, lengths, colours, ``url(#id)``). Font families are all mapped
to the booklet's registered sans (SVG_FONT), weights to normal/bold and styles to
normal/italic, so svglib's font lookup always finds a registered font and never
guesses a file name or runs ``fc-match``. Inline styles become presentation
attributes (they win over them, as in CSS), so svglib's naive ``k: v;`` splitting
never sees author text. References outside the file are refused.
"""

from __future__ import annotations

import re

SVG_FONT = "booklet-sans"  # every SVG text is set in the booklet's embedded Noto Sans
FORBIDDEN_TAGS = {"script", "foreignObject", "iframe", "handler", "listener", "font-face-uri"}
SAFE_PROPERTIES = {
    "fill",
    "fill-opacity",
    "fill-rule",
    "clip-rule",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "stroke-linecap",
    "stroke-linejoin",
    "stroke-miterlimit",
    "stroke-dasharray",
    "stroke-dashoffset",
    "opacity",
    "color",
    "display",
    "visibility",
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "text-anchor",
    "stop-color",
    "stop-opacity",
}
BOLD = {"bold", "bolder"}  # and any number from 600
ITALIC = {"italic", "oblique"}
COLOUR_FUNCTIONS = {"rgb", "rgba", "hsl", "hsla"}
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9-]*\Z")
_UNIT = re.compile(r"[A-Za-z]{1,4}\Z")
_HEX = re.compile(r"[0-9A-Fa-f]{3,8}\Z")
_FRAGMENT = re.compile(r"#[A-Za-z_][A-Za-z0-9_.-]*\Z")
_SELECTOR_LITERALS = {".", ",", ">", "+", "~", "*"}


class Refused(ValueError):
    """The SVG reaches outside its file or cannot be parsed; the message says why."""


def font_value(name: str, value: str) -> str:
    """A font property and its value -> the value booklet allows (our family, normal/bold, normal/italic)."""
    value = value.strip().lower()
    if name == "font-family":
        return SVG_FONT
    if name == "font-weight":
        numeric = value.isdigit() and len(value) <= 4 and int(value) >= 600
        return "bold" if value in BOLD or numeric else "normal"
    return "italic" if value in ITALIC else "normal"


def clean_declarations(tokens: list, relative: str) -> list[tuple[str, str]]:
    """CSS declaration tokens (a style attribute or a rule's block) -> safe (property, value) pairs, in order."""
    import tinycss2

    out: list[tuple[str, str]] = []
    for item in tinycss2.parse_declaration_list(tokens, skip_comments=True, skip_whitespace=True):
        if item.type != "declaration":
            continue
        _refuse_outside(item.value, relative)
        name = item.lower_name
        if name not in SAFE_PROPERTIES:
            continue
        value = _value(item.value)
        if name.startswith("font-") and name != "font-size":
            value = font_value(name, value or "")
        if value:
            out.append((name, value))
    return out


def clean_stylesheet(text: str, relative: str) -> str:
    """The text of a <style> element -> rules with simple selectors and safe declarations only."""
    import tinycss2

    rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
    out: list[str] = []
    for rule in rules:
        if rule.type == "at-rule":
            _refuse_outside(list(rule.prelude) + list(rule.content or []), relative)
            if rule.lower_at_keyword == "import":
                raise Refused(f"'{relative}': SVG references outside the file are not allowed (@import)")
            continue  # @font-face, @media ...: nothing svglib should see
        if rule.type != "qualified-rule":
            continue
        _refuse_outside(rule.content, relative)
        selector = _selector(rule.prelude)
        declarations = clean_declarations(rule.content, relative)
        if selector and declarations:
            out.append(selector + " { " + "; ".join(f"{k}: {v}" for k, v in declarations) + " }")
    return "\n".join(out)


def _selector(tokens: list) -> str:
    """Selector tokens -> the selector text if it uses only names, classes, ids and combinators; else ''."""
    parts: list[str] = []
    for token in tokens:
        if token.type == "whitespace":
            parts.append(" ")
        elif token.type == "ident" and _WORD.match(token.value):
            parts.append(token.value)
        elif token.type == "hash" and _WORD.match(token.value):
            parts.append("#" + token.value)
        elif token.type == "literal" and token.value in _SELECTOR_LITERALS:
            parts.append(token.value)
        elif token.type != "comment":
            return ""
    return " ".join("".join(parts).split())


def _value(tokens: list) -> str:
    """Value tokens -> the value re-written from plain tokens, or '' if any token is not plain."""
    parts: list[str] = []
    for token in tokens:
        text = _token(token)
        if text is None:
            return ""
        parts.append(text)
    return " ".join("".join(parts).split())


def _token(token) -> str | None:
    kind = token.type
    if kind in ("whitespace", "comment"):
        return " "
    if kind == "ident":
        return token.value.lower() if _WORD.match(token.value) else None
    if kind == "number":
        return _number(token.value)
    if kind == "percentage":
        return _number(token.value) + "%"
    if kind == "dimension":
        return _number(token.value) + token.lower_unit if _UNIT.match(token.unit) else None
    if kind == "hash":
        return "#" + token.value if _HEX.match(token.value) else None
    if kind == "url":
        return f"url({token.value})" if _FRAGMENT.match(token.value) else None
    if kind == "literal":
        return token.value if token.value in (",", "/") else None
    if kind == "function":
        if token.lower_name == "url":
            strings = [a.value for a in token.arguments if a.type == "string"]
            return f"url({strings[0]})" if len(strings) == 1 and _FRAGMENT.match(strings[0]) else None
        if token.lower_name in COLOUR_FUNCTIONS:
            inner = [_token(a) for a in token.arguments]
            if any(part is None for part in inner):
                return None
            return f"{token.lower_name}({''.join(part for part in inner if part)})"
    return None


def _number(value: float) -> str:
    return f"{value:.6g}" if abs(value) < 1e9 else "0"


def _refuse_outside(tokens, relative: str) -> None:
    """Any url(...) in these tokens (nested blocks too) that is not '#id' -> Refused."""
    stack = list(tokens or ())
    while stack:
        token = stack.pop()
        target = None
        if token.type == "url":
            target = token.value
        elif token.type == "function" and token.lower_name == "url":
            strings = [a.value for a in token.arguments if a.type in ("string", "ident")]
            target = strings[0] if strings else ""
        if target is not None and not target.strip().startswith("#"):
            raise Refused(f"'{relative}': SVG references outside the file are not allowed ({target[:60]!r})")
        stack.extend(getattr(token, "arguments", None) or getattr(token, "content", None) or ())


MAX_SVG_NODES = 20_000  # elements, counting each <use> as the copy it draws
MAX_USE = 500
MAX_GEOMETRY = 50_000  # characters of path data and point lists: svglib and ReportLab draw each point in Python
MAX_NUMBER = 1e7  # larger coordinates, sizes or scales overflow ReportLab's number formatting
_HEX_COLOUR = re.compile(r"#[0-9A-Fa-f]+")
_NOT_NUMBERS = {"id", "class", "href", "base", "lang", "space"}
_NUMBERS = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


def sanitise(data: bytes, relative: str) -> bytes:
    """SVG bytes -> the cleaned, re-serialised copy svglib may draw, or Refused naming what is not allowed."""
    from lxml import etree

    if re.search(rb"<!\s*(DOCTYPE|ENTITY)", data, re.IGNORECASE):
        raise Refused(f"'{relative}': SVG with a DOCTYPE or entities is not allowed")
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        tree = etree.fromstring(data, parser).getroottree()
    except etree.XMLSyntaxError as exc:
        raise Refused(f"'{relative}' is not valid SVG: {' '.join(str(exc).split())[:100]}") from None
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:  # e.g. hidden by a UTF-16 encoding
        raise Refused(f"'{relative}': SVG with a DOCTYPE or entities is not allowed")
    root = tree.getroot()
    if local_name(root.tag) != "svg":
        raise Refused(f"'{relative}' is not an SVG file")
    shapes = [el for el in root.iter() if isinstance(el.tag, str)]
    geometry = sum(len(el.get("d") or "") + len(el.get("points") or "") for el in shapes)
    if geometry > MAX_GEOMETRY:
        raise Refused(f"'{relative}' is too complex ({geometry:,} characters of path data; limit {MAX_GEOMETRY:,})")
    for element in root.iter():
        _clean_element(element, relative)
        _check_numbers(element, relative)
    _check_expansion(root, relative)
    root.set("font-family", SVG_FONT)  # text with no family would fall back to Helvetica
    return etree.tostring(root)


def _check_numbers(element, relative: str) -> None:
    """An element -> None, or Refused if a number in its attributes is too large to draw."""
    for name, value in element.attrib.items():
        if local_name(name) in _NOT_NUMBERS:
            continue
        for number in _NUMBERS.findall(_HEX_COLOUR.sub(" ", value)):
            if abs(float(number)) > MAX_NUMBER:
                raise Refused(f"'{relative}' has a number too large to draw ({number[:30]}; limit {MAX_NUMBER:g})")


def local_name(tag: object) -> str:
    """An lxml tag with its namespace -> the bare name."""
    return str(tag).rsplit("}", 1)[-1]


def _clean_element(element, relative: str) -> None:
    """SVG element -> cleaned in place: styles rebuilt from tokens, fonts ours; Refused if it reaches out."""
    import tinycss2

    if not isinstance(element.tag, str):
        raise Refused(f"'{relative}': SVG with entities is not allowed")
    tag = local_name(element.tag)
    if tag in FORBIDDEN_TAGS:
        raise Refused(f"'{relative}': <{tag}> is not allowed in SVG")
    if tag == "style":
        text = element.text or ""
        for child in list(element):
            element.remove(child)
        element.text = clean_stylesheet(text, relative)
    inline = element.attrib.pop("style", None)
    for raw_name, value in list(element.attrib.items()):
        name = local_name(raw_name)
        if name in ("href", "src", "base") and not value.strip().startswith("#"):
            raise Refused(f"'{relative}': SVG references outside the file are not allowed ({value[:60]!r})")
        _refuse_outside(tinycss2.parse_component_value_list(value), relative)
        if name in ("font-family", "font-weight", "font-style"):
            element.set(raw_name, font_value(name, value))
        elif name == "font":  # the shorthand: svglib ignores it; nobody else should read it
            del element.attrib[raw_name]
    if inline is not None:
        for name, value in clean_declarations(tinycss2.parse_component_value_list(inline), relative):
            element.set(name, value)  # an inline style wins over the attribute, as in CSS


def _check_expansion(root, relative: str) -> None:
    """SVG root -> None, or Refused: elements counted as drawn, each <use> a copy of its target."""
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    uses = sum(local_name(el.tag) == "use" for el in elements)
    if uses > MAX_USE or len(elements) > MAX_SVG_NODES:
        raise Refused(f"'{relative}' is too complex ({len(elements):,} elements, {uses} <use>)")
    by_id = {el.get("id"): el for el in elements if el.get("id")}
    sizes: dict[int, int] = {}

    def size(element, path: frozenset[int]) -> int:
        key = id(element)
        if key in path:
            raise Refused(f"'{relative}': an SVG <use> refers to itself")
        if key not in sizes:
            inner = path | {key}
            total = 1 + sum(size(child, inner) for child in element if isinstance(child.tag, str))
            if local_name(element.tag) == "use":
                href = element.get(XLINK_HREF) or element.get("href") or ""
                target = by_id.get(href.strip().lstrip("#"))
                total += size(target, inner) if target is not None else 0
            if total > MAX_SVG_NODES:
                raise Refused(f"'{relative}' is too complex (over {MAX_SVG_NODES:,} elements once <use> is drawn)")
            sizes[key] = total
        return sizes[key]

    try:
        size(root, frozenset())
    except RecursionError:
        raise Refused(f"'{relative}' is nested too deeply") from None
