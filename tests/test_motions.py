"""Motion patterns as data: every pattern honours start, direction, side and repeats, read back from its paths."""

from __future__ import annotations

import pytest

from booklet.illustrate.figures import FIGURES, figure
from booklet.illustrate.motions import (
    DIRECTIONS,
    PATTERN_NAMES,
    Trace,
    crosses_no_pressure,
    moments_of,
    path_crosses_no_pressure,
    traces_for,
)
from booklet.model import Illustration

BACK = figure("back")
STARTS = {"up": "lower-back", "down": "upper-back", "outward": "mid-back", "inward": "mid-back"}
STARTS |= {"left": "mid-back", "right": "mid-back"}
HIGH = {"upper-back", "shoulder-blades", "shoulders"}
LOW = {"lower-back", "waist", "hips"}


def course(traces: list[Trace], side: str) -> tuple[tuple[float, float], tuple[float, float]]:
    """The drawn path of one side -> (where it starts, where it ends).

    A line pattern's first working pass; a pattern of loops (circles, kneading's heel
    circles) or spots (grips, presses) from its first loop or spot to its last.
    """
    mine = [t for t in traces if t.side == side and not t.light and t.moment != "return"]
    loops = [t for t in mine if _closed(t)]
    if len(loops) > 1:
        return _centre(loops[0]), _centre(loops[-1])
    spots = [t for t in mine if t.grip] or [t for t in mine if len(t.points) == 1]
    if spots:
        return spots[0].points[0], spots[-1].points[0]
    return mine[0].points[0], mine[0].points[-1]


def _closed(trace: Trace) -> bool:
    (x0, y0), (x1, y1) = trace.points[0], trace.points[-1]
    return len(trace.points) > 6 and abs(x0 - x1) + abs(y0 - y1) < 0.12


def _centre(trace: Trace) -> tuple[float, float]:
    xs, ys = zip(*trace.points, strict=True)
    return (sum(xs) / len(xs), sum(ys) / len(ys))


@pytest.mark.parametrize("side", ["left", "right"])
@pytest.mark.parametrize("direction", DIRECTIONS)
@pytest.mark.parametrize("pattern", PATTERN_NAMES)
def test_each_pattern_starts_in_its_zone_and_travels_its_direction(pattern, direction, side):
    start = STARTS[direction]
    ill = Illustration(pattern=pattern, start=start, direction=direction, side=side, repeats=3, hand="palms")
    traces = traces_for(ill)
    assert {t.side for t in traces} == {side}
    (x0, y0), (x1, y1) = course(traces, side)
    assert start in BACK.zones_at((x0, y0)), (pattern, direction, (x0, y0), BACK.zones_at((x0, y0)))
    out0, out1 = abs(x0 - 0.5), abs(x1 - 0.5)
    end_zones = set(BACK.zones_at((x1, y1)))
    if direction == "up":
        assert y1 > y0 + 0.15
        assert end_zones & HIGH, end_zones
    elif direction == "down":
        assert y1 < y0 - 0.15
        assert end_zones & LOW, end_zones
    elif direction == "outward" or direction == side:  # going left on the left side goes out from the spine
        assert out1 > out0 + 0.08, (out0, out1)
        assert end_zones & {"mid-back", "ribs", "lower-back", "upper-back"}, end_zones
    else:
        assert out1 < out0 - 0.08, (out0, out1)
        assert end_zones & {"mid-back", "lower-back", "upper-back"}, end_zones
    if direction in ("left", "right"):
        assert (x1 < x0) == (direction == "left")


@pytest.mark.parametrize("pattern", PATTERN_NAMES)
def test_no_pattern_crosses_a_no_pressure_zone_on_any_figure(pattern):
    for name, fig in FIGURES.items():
        if not fig.drawn:
            continue
        for direction in DIRECTIONS:
            for side in ("both", "left-then-right"):
                for start in (None, *fig.zones):
                    ill = Illustration(pattern=pattern, start=start, direction=direction, side=side, figure=name)
                    traces = traces_for(ill)
                    assert traces
                    assert not crosses_no_pressure(traces, name), (name, pattern, direction, start)
                    assert all(fig.inside(p, 0.005) for t in traces for p in t.points), (name, pattern, start)


@pytest.mark.parametrize("pattern", PATTERN_NAMES)
def test_repeats_add_passes_and_sides_are_worked_in_order(pattern):
    one = traces_for(Illustration(pattern=pattern, start="lower-back", direction="up", repeats=1))
    many = traces_for(Illustration(pattern=pattern, start="lower-back", direction="up", repeats=4))
    assert len(many) > len(one) or pattern in ("fan",) and len(many) >= len(one)
    ordered = traces_for(Illustration(pattern=pattern, start="lower-back", direction="up", side="right-then-left"))
    sides = [t.side for t in ordered]
    assert sides[0] == "right"
    assert sides.index("left") > max(i for i, s in enumerate(sides) if s == "right") - 1  # all right, then left
    assert "change" in {t.moment for t in ordered}
    both = traces_for(Illustration(pattern=pattern, start="lower-back", direction="up", side="both"))
    if pattern == "rake":
        assert [t.side for t in both][0] == "left"  # raking works one side at a time even when both are named
    elif pattern == "circles":
        assert [t.side for t in both][:2] == ["right", "left"]  # the hands take turns, right first
    else:
        assert {t.side for t in both if t.order == 1} == {"left", "right"}  # both hands at once


def test_a_path_across_the_spine_is_found_and_one_beside_it_is_not():
    across = Illustration(paths=(((0.3, 0.4), (0.7, 0.42)),))
    beside = Illustration(paths=(((0.45, 0.3), (0.44, 0.6)),))
    on_spot = Illustration(paths=(((0.5, 0.5), (0.5, 0.5)),))
    assert path_crosses_no_pressure(across) == ["spine"]
    assert path_crosses_no_pressure(beside) == []
    assert path_crosses_no_pressure(on_spot) == ["spine"]
    neck = Illustration(figure="neck-shoulders", paths=(((0.45, 0.6), (0.55, 0.6)),))
    assert path_crosses_no_pressure(neck) == ["spine"]


def test_moments_name_the_parts_each_pattern_draws():
    fan = Illustration(pattern="fan", start="lower-back", direction="up")
    assert moments_of(fan) == ("place", "pass", "over", "return")
    circles = Illustration(pattern="circles", start="lower-back", direction="up", repeats=3)
    assert {"place", "pass", "next", "move", "return"} <= set(moments_of(circles))
    rake = Illustration(pattern="rake", start="upper-back", direction="down", repeats=2, side="left-then-right")
    assert moments_of(rake) == ("place", "pass", "move", "change")


def test_neck_shoulders_figure_draws_paths_along_the_base_of_the_skull():
    fig = figure("neck-shoulders")
    ill = Illustration(
        figure="neck-shoulders",
        pattern="circles",
        start="base-of-skull",
        direction="outward",
        repeats=3,
        hand="fingertips",
    )
    traces = traces_for(ill)
    (x0, y0), (x1, y1) = course(traces, "right")
    assert "base-of-skull" in fig.zones_at((x0, y0))
    assert abs(x1 - 0.5) > abs(x0 - 0.5)
    down = traces_for(Illustration(figure="neck-shoulders", pattern="glide", start="neck", direction="down"))
    (x0, y0), (x1, y1) = course(down, "right")
    assert "neck" in fig.zones_at((x0, y0))
    assert y1 < y0 - 0.3
    assert {"base-of-skull", "neck", "side-of-neck", "shoulders", "spine"} <= set(fig.zones)
    assert fig.zones["spine"].level == "none"
    assert fig.zones["side-of-neck"].level == "light"
