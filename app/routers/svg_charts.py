"""routers/svg_charts.py — adapter stage: turns series of numbers into the geometry of a server-rendered SVG line
chart (no script, no CDN); invariant: every drawn point keeps its exact value for the tooltip and the table."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

WIDTH, HEIGHT = 720, 220
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 12, 28
X_LABELS = 7


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    tip: str


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    tip: str


@dataclass(frozen=True)
class Line:
    name: str
    css: str
    segments: list[str]  # polylines "x,y x,y …" of consecutive measured points; a gap (None) breaks the line
    dots: list[Dot]
    values: list[float | None]
    bars: list[Bar]

    @property
    def data(self) -> str:
        return ",".join("" if value is None else f"{value:g}" for value in self.values)


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    unit: str
    labels: list[str]
    lines: list[Line]
    x_ticks: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    kind: str = "lines"  # or "bars": counts per bucket, one bar per series side by side
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    top: int = TOP
    bottom_edge: int = HEIGHT - BOTTOM

    @property
    def empty(self) -> bool:
        return not any(value for line in self.lines for value in line.values)


def nice_ceiling(value: float) -> float:
    """The axis top: 1, 2, 2.5 or 5 times a power of ten, at least `value` (1 for nothing)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return float(step * power)
    return float(10 * power)  # pragma: no cover


Series = tuple[str, str, Sequence[float | None]]


def _segments(dots_by_index: list[Dot | None]) -> list[str]:
    segments: list[list[Dot]] = [[]]
    for dot in dots_by_index:
        if dot is None:
            segments.append([])
        else:
            segments[-1].append(dot)
    return [" ".join(f"{dot.x},{dot.y}" for dot in run) for run in segments if len(run) > 1]


def line_chart(chart_id: str, title: str, labels: Sequence[str], series: Sequence[Series], *, kind: str = "lines",
               unit: str = "", fmt: Callable[[float], str] = lambda value: f"{value:g}") -> Chart:
    """`series` are (name, css class, values) with one value per label; None is a gap (nothing measured).
    As "bars", each label's slot holds one bar per series, side by side."""
    top_value = nice_ceiling(max((v for _n, _c, values in series for v in values if v is not None), default=0))
    plot_w, plot_h = WIDTH - RIGHT - LEFT, HEIGHT - BOTTOM - TOP
    bars = kind == "bars"
    slot = plot_w / max(len(labels), 1)
    step = slot if bars else plot_w / max(len(labels) - 1, 1)
    offset = slot / 2 if bars else 0.0
    bar_width = slot * 0.8 / max(len(series), 1)

    def y_of(value: float) -> float:
        return round(TOP + plot_h * (1 - value / top_value), 1)

    lines = []
    for number, (name, css, values) in enumerate(series):
        placed: list[Dot | None] = [
            None if value is None else Dot(x=round(LEFT + offset + index * step, 1), y=y_of(value),
                                           tip=f"{labels[index]}: {name} {fmt(value)}{unit}")
            for index, value in enumerate(values)]
        dots = [dot for dot in placed if dot is not None]
        drawn = [Bar(x=round(LEFT + index * slot + slot * 0.1 + number * bar_width, 1), y=dot.y,
                     width=round(bar_width, 1), height=round(HEIGHT - BOTTOM - dot.y, 1), tip=dot.tip)
                 for index, dot in enumerate(placed) if dot is not None and values[index]] if bars else []
        lines.append(Line(name=name, css=css, segments=[] if bars else _segments(placed), dots=[] if bars else dots,
                          values=list(values), bars=drawn))
    every = max(math.ceil(len(labels) / X_LABELS), 1)
    x_ticks = [(round(LEFT + offset + index * step, 1), label) for index, label in enumerate(labels)
               if index % every == 0]
    y_ticks = [(y_of(top_value * share), fmt(top_value * share)) for share in (0, 0.5, 1)]
    return Chart(id=chart_id, title=title, unit=unit, labels=list(labels), lines=lines, x_ticks=x_ticks,
                 y_ticks=y_ticks, kind=kind)
