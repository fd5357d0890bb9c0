"""Document metadata -> an XMP packet declaring the PDF/A and PDF/UA parts (pure text, no PDF library).

Written here rather than by pikepdf's helper, which stamps the current time: every
date comes from the caller (SOURCE_DATE_EPOCH), so rebuilds stay byte-identical.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime

INVARIANT = datetime(2000, 1, 1, tzinfo=UTC)  # ReportLab's date for invariant builds


@dataclass(frozen=True)
class Meta:
    """What the XMP metadata says: the document's title, author, subject, keywords and language, the
    tool that made it, and the PDF/A and PDF/UA parts and level it claims."""

    title: str
    author: str = ""
    subject: str = ""
    keywords: str = ""
    lang: str = ""
    tool: str = "booklet"
    a_part: int = 0  # PDF/A part (2 or 3), 0 for none
    a_level: str = ""  # "B" or "A"
    ua_part: int = 0  # PDF/UA part (1), 0 for none


def build_date() -> datetime:
    """SOURCE_DATE_EPOCH when set, else the fixed date of invariant builds: never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return INVARIANT


def pdf_date(when: datetime) -> str:
    return when.strftime("D:%Y%m%d%H%M%S+00'00'")


def xmp_date(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%S+00:00")


UA_SCHEMA = """
   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
     <pdfaProperty:name>part</pdfaProperty:name>
     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
     <pdfaProperty:category>internal</pdfaProperty:category>
     <pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>
    </rdf:li></rdf:Seq></pdfaSchema:property>
   </rdf:li></rdf:Bag></pdfaExtension:schemas>"""

NAMESPACES = (
    ("dc", "http://purl.org/dc/elements/1.1/"),
    ("xmp", "http://ns.adobe.com/xap/1.0/"),
    ("pdf", "http://ns.adobe.com/pdf/1.3/"),
    ("pdfaid", "http://www.aiim.org/pdfa/ns/id/"),
    ("pdfuaid", "http://www.aiim.org/pdfua/ns/id/"),
    ("pdfaExtension", "http://www.aiim.org/pdfa/ns/extension/"),
    ("pdfaSchema", "http://www.aiim.org/pdfa/ns/schema#"),
    ("pdfaProperty", "http://www.aiim.org/pdfa/ns/property#"),
)


def escape(text: str) -> str:
    """Text -> XML character data (what xml.sax.saxutils.escape does; that module imports urllib,
    http and email, about a tenth of a cold build)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xmp_packet(meta: Meta, when: datetime) -> bytes:
    """The XMP packet for ``meta``; its fields mirror the document information dictionary."""
    e = escape
    date = xmp_date(when)
    rows = [
        "<dc:format>application/pdf</dc:format>",
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{e(meta.title)}</rdf:li></rdf:Alt></dc:title>',
    ]
    if meta.author:
        rows.append(f"<dc:creator><rdf:Seq><rdf:li>{e(meta.author)}</rdf:li></rdf:Seq></dc:creator>")
    if meta.subject:
        alt = f'<rdf:Alt><rdf:li xml:lang="x-default">{e(meta.subject)}</rdf:li></rdf:Alt>'
        rows.append(f"<dc:description>{alt}</dc:description>")
    if meta.lang:
        rows.append(f"<dc:language><rdf:Bag><rdf:li>{e(meta.lang)}</rdf:li></rdf:Bag></dc:language>")
    if meta.keywords:
        rows.append(f"<pdf:Keywords>{e(meta.keywords)}</pdf:Keywords>")
    rows += [
        f"<pdf:Producer>{e(meta.tool)}</pdf:Producer>",
        f"<xmp:CreatorTool>{e(meta.tool)}</xmp:CreatorTool>",
        f"<xmp:CreateDate>{date}</xmp:CreateDate>",
        f"<xmp:ModifyDate>{date}</xmp:ModifyDate>",
        f"<xmp:MetadataDate>{date}</xmp:MetadataDate>",
    ]
    if meta.a_part:
        rows.append(f"<pdfaid:part>{meta.a_part}</pdfaid:part>")
        rows.append(f"<pdfaid:conformance>{meta.a_level}</pdfaid:conformance>")
    if meta.ua_part:
        rows.append(f"<pdfuaid:part>{meta.ua_part}</pdfuaid:part>")
        if meta.a_part:  # PDF/A knows pdfuaid only through an extension schema
            rows.append(UA_SCHEMA.strip())
    used = "\n".join(rows)
    xmlns = " ".join(f'xmlns:{p}="{uri}"' for p, uri in NAMESPACES if f"<{p}:" in used)
    body = "\n   ".join(rows)
    text = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        f'  <rdf:Description rdf:about="" {xmlns}>\n   {body}\n  </rdf:Description>\n'
        " </rdf:RDF>\n</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
    return text.encode("utf-8")
