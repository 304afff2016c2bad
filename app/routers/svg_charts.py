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
class Line:
    name: str
    css: str
    points: str  # polyline "x,y x,y …"; gaps (no value) split nothing, they are simply not drawn
    dots: list[Dot]
    values: list[float | None]

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


def line_chart(chart_id: str, title: str, labels: Sequence[str], series: Sequence[Series], *,
               unit: str = "", fmt: Callable[[float], str] = lambda value: f"{value:g}") -> Chart:
    """`series` are (name, css class, values) with one value per label; None is a gap (nothing measured)."""
    top_value = nice_ceiling(max((v for _n, _c, values in series for v in values if v is not None), default=0))
    plot_w, plot_h = WIDTH - RIGHT - LEFT, HEIGHT - BOTTOM - TOP
    step = plot_w / max(len(labels) - 1, 1)

    def y_of(value: float) -> float:
        return round(TOP + plot_h * (1 - value / top_value), 1)

    lines = []
    for name, css, values in series:
        dots = [Dot(x=round(LEFT + index * step, 1), y=y_of(value), tip=f"{labels[index]}: {name} {fmt(value)}{unit}")
                for index, value in enumerate(values) if value is not None]
        lines.append(Line(name=name, css=css, points=" ".join(f"{dot.x},{dot.y}" for dot in dots), dots=dots,
                          values=list(values)))
    every = max(math.ceil(len(labels) / X_LABELS), 1)
    x_ticks = [(round(LEFT + index * step, 1), label) for index, label in enumerate(labels) if index % every == 0]
    y_ticks = [(y_of(top_value * share), fmt(top_value * share)) for share in (0, 0.5, 1)]
    return Chart(id=chart_id, title=title, unit=unit, labels=list(labels), lines=lines, x_ticks=x_ticks,
                 y_ticks=y_ticks)
