"""Small server-rendered SVG line charts for the area roll-up's trends (no Django, no JS).

Pure function of numbers and already-translated labels, so it is testable on its own and the
page works without JavaScript. Drawn for a 360 px phone first: a viewBox of 340 × 210 user units
scaled to the container's width, 11-12 px text, and only the last value of each line printed
next to its point (every point's value would collide at eight quarters on a phone). A missing
value (a quarter with no data) breaks the line instead of being drawn as 0. A series may carry a
95% confidence interval, drawn as a vertical whisker at each point.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

__all__ = ["Series", "line_chart", "nice_max"]

WIDTH, HEIGHT = 340, 210
LEFT, RIGHT, TOP, BOTTOM = 34, 40, 30, 46  # plot margins: y labels, last values, title, x labels


@dataclass(frozen=True)
class Series:
    """One line: a value per x label (None = no data), optional CI bounds, a colour."""

    label: str
    values: Sequence[float | None]
    colour: str = "#1f6f5c"
    low: Sequence[float | None] | None = None
    high: Sequence[float | None] | None = None
    dashed: bool = False


def nice_max(value: float) -> float:
    """The top of the y axis: a round number ≥ value (10, 20, 25, 40, 50, 100 ...)."""
    if value <= 0 or math.isnan(value):
        return 10.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 4, 5, 10):
        if value <= step * magnitude:
            return float(step * magnitude)
    return float(10 * magnitude)


def line_chart(
    x_labels: Sequence[str],
    series: Sequence[Series],
    *,
    title: str,
    unit: str = "%",
    y_max: float | None = None,
    empty_text: str = "",
    decimal_comma: bool = True,
) -> str:
    """An SVG document (a string) with one line per series over the x labels.

    `y_max` fixes the top of the axis (100 for a percentage of completeness); otherwise it is a
    round number above the highest value or CI bound. `empty_text` is printed when no series
    has a value. Labels are escaped here; callers pass translated text.
    """
    n = len(x_labels)
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    highest = max(
        (
            v
            for s in series
            for seq in (s.values, s.high or ())
            for v in seq
            if v is not None and not math.isnan(v)
        ),
        default=0.0,
    )
    top = y_max if y_max is not None else nice_max(highest)

    def x(i: int) -> float:
        return LEFT + (plot_w * (i + 0.5) / n if n else 0)

    def y(v: float) -> float:
        return TOP + plot_h * (1 - min(max(v, 0.0), top) / top)

    def num(v: float) -> str:
        text = f"{v:.1f}" if v % 1 else f"{v:.0f}"
        return text.replace(".", ",") if decimal_comma else text

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-label="{escape(title, {chr(34): "&quot;"})}" class="trend-chart" '
        'font-family="system-ui, sans-serif" font-size="12">',
        f"<title>{escape(title)}</title>",
        f'<text x="4" y="14" font-size="13.5" font-weight="600" fill="#1d2b27">{escape(title)}</text>',
    ]
    # Horizontal grid with y labels: five steps from 0 to the top.
    for k in range(5):
        v = top * k / 4
        yy = y(v)
        out.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{yy:.1f}" y2="{yy:.1f}" '
            f'stroke="{"#9aa5a1" if k == 0 else "#e3e8e6"}" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{LEFT - 4}" y="{yy + 3.5:.1f}" text-anchor="end" fill="#5c6b66">'
            f"{num(v)}{escape(unit) if k == 4 else ''}</text>"
        )
    # X labels; when they would crowd (more than 6 at phone width) every other one is shown,
    # always including the last (the quarter on screen).
    step = 2 if n > 6 else 1
    for i, label in enumerate(x_labels):
        if (n - 1 - i) % step:
            continue
        out.append(
            f'<text x="{x(i):.1f}" y="{HEIGHT - BOTTOM + 15}" text-anchor="middle" '
            f'fill="#5c6b66">{escape(label)}</text>'
        )
    has_value = False
    for s in series:
        points = [(i, v) for i, v in enumerate(s.values) if v is not None and not math.isnan(v)]
        has_value = has_value or bool(points)
        # CI whiskers first, under the line.
        if s.low is not None and s.high is not None:
            for i, (lo, hi) in enumerate(zip(s.low, s.high, strict=False)):
                if lo is None or hi is None:
                    continue
                xx = x(i)
                out.append(
                    f'<path d="M{xx - 3:.1f} {y(hi):.1f}H{xx + 3:.1f}M{xx:.1f} {y(hi):.1f}'
                    f'V{y(lo):.1f}M{xx - 3:.1f} {y(lo):.1f}H{xx + 3:.1f}" '
                    f'stroke="{s.colour}" stroke-opacity=".45" stroke-width="1.2" fill="none"/>'
                )
        # Consecutive points only: a None splits the line into segments.
        segment: list[str] = []
        previous = None
        segments: list[list[str]] = []
        for i, v in points:
            if previous is not None and i != previous + 1:
                segments.append(segment)
                segment = []
            segment.append(f"{x(i):.1f},{y(v):.1f}")
            previous = i
        if segment:
            segments.append(segment)
        dash = ' stroke-dasharray="5 3"' if s.dashed else ""
        for seg in segments:
            if len(seg) > 1:
                out.append(
                    f'<polyline points="{" ".join(seg)}" fill="none" stroke="{s.colour}" '
                    f'stroke-width="2.2" stroke-linejoin="round"{dash}/>'
                )
        for i, v in points:
            out.append(f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3.2" fill="{s.colour}"/>')
        if points:
            i, v = points[-1]
            out.append(
                f'<text x="{x(i) + 6:.1f}" y="{y(v) + 4:.1f}" font-weight="600" '
                f'fill="{s.colour}">{num(v)}</text>'
            )
    # Legend under the x labels, one entry per series.
    lx = 4.0
    for s in series:
        ly = HEIGHT - 10
        dash = ' stroke-dasharray="5 3"' if s.dashed else ""
        out.append(
            f'<line x1="{lx:.1f}" x2="{lx + 16:.1f}" y1="{ly - 4}" y2="{ly - 4}" '
            f'stroke="{s.colour}" stroke-width="2.2"{dash}/>'
        )
        out.append(f'<text x="{lx + 20:.1f}" y="{ly}" fill="#1d2b27">{escape(s.label)}</text>')
        lx += 28 + 6.8 * len(s.label)
    if not has_value and empty_text:
        out.append(
            f'<text x="{LEFT + plot_w / 2:.1f}" y="{TOP + plot_h / 2:.1f}" text-anchor="middle" '
            f'fill="#5c6b66">{escape(empty_text)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out)
