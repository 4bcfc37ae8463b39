"""Growth charts as self-contained SVG: WHO 2006 curves (-3, -2, 0, +2, +3 SD) and one child.

Pure Python + numpy (no Django) so that charts can be rendered in a view, a PDF export or a
script alike.  Every text the reader sees comes from ``labels`` (the Django layer passes
translated strings; the defaults are Indonesian).  The SVG has a viewBox 360 units wide, so at
a phone's 360 px each unit is one pixel and the 11-unit text stays readable; it scales to any
width for printing and uses no external fonts, scripts or styles.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

import numpy as np
import numpy.typing as npt

from .who2006 import DAYS_PER_MONTH, FEMALE, MALE, compute, load_table, sd_value

__all__ = ["CHART_INDICATORS", "DEFAULT_LABELS", "SD_LINES", "render_chart"]

# Chart kind -> (WHO table, z column used to highlight a point, x is age?)
CHART_INDICATORS: dict[str, tuple[str, str, bool]] = {
    "wfa": ("wei", "wei", True),
    "lhfa": ("len", "len", True),
    "wfl": ("wfl", "wfl", False),
    "wfh": ("wfh", "wfl", False),
}

SD_LINES: tuple[int, ...] = (-3, -2, 0, 2, 3)
# WHO's own chart colours: median green, +-2 SD red, +-3 SD black.
_SD_COLOURS = {0: "#1b7a3a", 2: "#c62828", -2: "#c62828", 3: "#222222", -3: "#222222"}
_POINT_NORMAL = "#1f2a44"
_POINT_LOW = "#d32f2f"

DEFAULT_LABELS: dict[str, str] = {
    "title_wfa": "Berat badan menurut umur (BB/U)",
    "title_lhfa": "Panjang/tinggi badan menurut umur",
    "title_wfl": "Berat badan menurut panjang badan",
    "title_wfh": "Berat badan menurut tinggi badan",
    "subtitle": "",  # e.g. the child's name; the sex and "Standar WHO 2006" are added
    "male": "Laki-laki",
    "female": "Perempuan",
    "standard": "Standar WHO 2006",
    "x_age": "Umur (bulan)",
    "x_length": "Panjang/tinggi badan (cm)",
    "y_weight": "Berat badan (kg)",
    "y_length": "Panjang/tinggi badan (cm)",
    "legend_child": "Pengukuran anak",
    "legend_low": "Di bawah -2 SD",
    "legend_median": "Median",
}

# Layout in viewBox units (= px at 360 px wide).
WIDTH = 360
HEIGHT = 440
LEFT, RIGHT, TOP, BOTTOM = 46, 28, 58, 84
FONT = "font-family=\"'DejaVu Sans','Helvetica Neue',Arial,sans-serif\""


def _nice_step(span: float, target_ticks: int) -> float:
    raw = span / max(target_ticks, 1)
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= raw:
            return factor * power
    return 10 * power


# Average advance of a sans-serif glyph in font-size units (DejaVu Sans, the widest common
# fallback of the FONT stack, measures ~0.56 regular and ~0.62 bold on Indonesian text).
_GLYPH_WIDTH = {False: 0.58, True: 0.64}
_TITLE_MARGIN = 8  # units left free on each side of a centred title
_MIN_TITLE_SIZE = 11


def _fitted_text(content: str, y: float, size: float, attrs: str, bold: bool = False) -> str:
    """A centred line that never runs past the chart's edges.

    A long translated title ("Panjang/tinggi badan menurut umur (PB/U, TB/U)") would be clipped
    at 360 units: the font shrinks to fit, down to 11 units, and below that the line is
    squeezed to the available width with SVG's textLength, so no word is ever cut off.
    """
    room = WIDTH - 2 * _TITLE_MARGIN
    estimate = len(content) * _GLYPH_WIDTH[bold]
    fitted = max(_MIN_TITLE_SIZE, min(size, room / estimate)) if estimate else size
    squeeze = (
        f' textLength="{room}" lengthAdjust="spacingAndGlyphs"' if estimate * fitted > room else ""
    )
    return (
        f'<text x="{WIDTH / 2}" y="{y}" text-anchor="middle" font-size="{fitted:.1f}" '
        f"{attrs}{squeeze}>{escape(content)}</text>"
    )


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _sex_code(sex: int | str) -> int:
    key = str(sex).strip().lower()
    if key in ("1", "m"):
        return MALE
    if key in ("2", "f"):
        return FEMALE
    raise ValueError(f"unknown sex {sex!r}: use 1/m or 2/f")


def _points(
    kind: str, sex: int, points: Sequence[Mapping[str, Any]]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """x, y and rounded z of each measurement, in time order, scored by the growth engine."""
    if not points:
        empty = np.zeros(0)
        return empty, empty, empty

    def column(key: str) -> list[Any]:
        return [p.get(key) if p.get(key) is not None else np.nan for p in points]

    result = compute(
        [sex] * len(points),
        column("age_days"),
        age_months=column("age_months"),
        weight=column("weight"),
        lenhei=column("lenhei"),
        measure=[p.get("measure") or "" for p in points],
        oedema=[p.get("oedema") or "" for p in points],
    )
    _, z_column, by_age = CHART_INDICATORS[kind]
    age_months = result.age_days / DAYS_PER_MONTH
    weight = np.asarray(column("weight"), dtype=np.float64)
    if kind == "wfa":
        x, y = age_months, weight
    elif kind == "lhfa":
        x, y = age_months, result.clenhei  # the adjusted length is what the z describes
    else:
        x, y = result.clenhei, weight
    z = result.z[z_column]
    # Time order; records without an age keep the order they were given in.
    order = np.argsort(np.where(np.isnan(age_months), np.inf, age_months), kind="stable")
    x, y, z = x[order], y[order], z[order]
    keep = ~np.isnan(x) & ~np.isnan(y)
    if by_age:
        keep &= result.in_age_scope[order]  # WHO's scope: unrounded age under 60 months
    return x[keep], y[keep], z[keep]


def _curves(
    kind: str, sex: int, x0: float, x1: float
) -> tuple[npt.NDArray[np.float64], dict[int, npt.NDArray[np.float64]]]:
    table = load_table(CHART_INDICATORS[kind][0])
    if CHART_INDICATORS[kind][2]:
        first = max(int(table.first), int(math.floor(x0 * DAYS_PER_MONTH)))
        last = min(int(table.last), int(math.ceil(x1 * DAYS_PER_MONTH)))
        # About 300 vertices per curve: smooth at print resolution, small in the page.
        step = max(1, (last - first) // 300)
        rows = np.arange(first, last + 1, step)
        xs = rows / DAYS_PER_MONTH
    else:
        rows = np.arange(
            int(round((x0 - table.start) / table.step)),
            int(round((x1 - table.start) / table.step)) + 1,
        )
        xs = table.start + rows * table.step
    lv, mv, sv = table.l[sex, rows], table.m[sex, rows], table.s[sex, rows]
    return xs, {k: sd_value(float(k), lv, mv, sv) for k in SD_LINES}


def render_chart(
    indicator: str,
    sex: int | str,
    points: Sequence[Mapping[str, Any]],
    labels: Mapping[str, str] | None = None,
) -> str:
    """Return the SVG (a string) of one child's growth on one WHO chart.

    ``indicator``: ``wfa`` (weight-for-age), ``lhfa`` (length/height-for-age), ``wfl`` or
    ``wfh`` (weight-for-length / -height).  ``points``: mappings with ``age_days`` (or
    ``age_months``), ``weight`` (kg), ``lenhei`` (cm), ``measure`` (l/h) and ``oedema``.
    Points below -2 SD on this indicator are drawn red (class ``below-2sd``).
    """
    if indicator not in CHART_INDICATORS:
        raise ValueError(f"unknown chart {indicator!r}: use one of {sorted(CHART_INDICATORS)}")
    text = {**DEFAULT_LABELS, **(labels or {})}
    sex_code = _sex_code(sex)
    by_age = CHART_INDICATORS[indicator][2]
    px, py, pz = _points(indicator, sex_code, points)

    if by_age:
        # At least 0-24 months, then whole years up to the last measurement (max 60).
        last = float(px.max()) if px.size else 0.0
        x0, x1 = 0.0, float(min(60, max(24, 12 * math.ceil(last / 12 + 1e-9))))
    else:
        table = load_table(CHART_INDICATORS[indicator][0])
        x0, x1 = table.first, table.last
    cx, curves = _curves(indicator, sex_code, x0, x1)

    y_values = np.concatenate([curves[-3], curves[3], py])
    y_lo, y_hi = float(np.nanmin(y_values)), float(np.nanmax(y_values))
    y_step = _nice_step(y_hi - y_lo, 7)
    y0 = math.floor(y_lo / y_step) * y_step
    y1 = math.ceil(y_hi / y_step) * y_step

    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM

    def sx(v: npt.ArrayLike) -> Any:
        return LEFT + (np.asarray(v, dtype=float) - x0) / (x1 - x0) * plot_w

    def sy(v: npt.ArrayLike) -> Any:
        return TOP + plot_h - (np.asarray(v, dtype=float) - y0) / (y1 - y0) * plot_h

    out: list[str] = []
    title = text[f"title_{indicator}"]
    sex_label = text["male"] if sex_code == MALE else text["female"]
    subtitle = " · ".join(s for s in (text["subtitle"], sex_label, text["standard"]) if s)
    out.append(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="100%" role="img" aria-label="{escape(title)}" {FONT} '
        f'class="growth-chart growth-chart-{indicator}">'
    )
    out.append(f"<title>{escape(title)} – {escape(subtitle)}</title>")
    out.append(f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>')
    out.append(_fitted_text(title, 20, 14, 'font-weight="bold" fill="#111"', bold=True))
    out.append(_fitted_text(subtitle, 38, 12, 'fill="#333"'))

    # Grid and ticks.
    out.append('<g class="grid" stroke="#e3e6ea" stroke-width="0.6">')
    x_step = (3 if x1 <= 24 else 6) if by_age else 5.0
    x_ticks = np.arange(x0, x1 + 1e-9, x_step)
    y_ticks = np.arange(y0, y1 + y_step / 2, y_step)
    for v in x_ticks:
        out.append(f'<line x1="{sx(v):.1f}" y1="{TOP}" x2="{sx(v):.1f}" y2="{TOP + plot_h}"/>')
    for v in y_ticks:
        out.append(f'<line x1="{LEFT}" y1="{sy(v):.1f}" x2="{LEFT + plot_w}" y2="{sy(v):.1f}"/>')
    out.append("</g>")
    out.append(
        f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="none" '
        'stroke="#8a9099" stroke-width="0.8"/>'
    )
    out.append('<g class="x-ticks" font-size="11" fill="#333">')
    for v in x_ticks:
        # Length charts: grid every 5 cm, labels every 10 cm (13 labels would not fit).
        if not by_age and round(v) % 10:
            continue
        out.append(
            f'<text x="{sx(v):.1f}" y="{TOP + plot_h + 14}" text-anchor="middle">{_num(v)}</text>'
        )
    out.append("</g>")
    out.append('<g class="y-ticks" font-size="11" fill="#333">')
    for v in y_ticks:
        out.append(f'<text x="{LEFT - 5}" y="{sy(v) + 4:.1f}" text-anchor="end">{_num(v)}</text>')
    out.append("</g>")
    x_title = text["x_age"] if by_age else text["x_length"]
    y_title = text["y_length"] if indicator == "lhfa" else text["y_weight"]
    out.append(
        f'<text x="{LEFT + plot_w / 2}" y="{TOP + plot_h + 31}" text-anchor="middle" '
        f'font-size="12" fill="#111">{escape(x_title)}</text>'
    )
    out.append(
        f'<text x="13" y="{TOP + plot_h / 2}" text-anchor="middle" font-size="12" fill="#111" '
        f'transform="rotate(-90 13 {TOP + plot_h / 2})">{escape(y_title)}</text>'
    )

    # SD curves, then their labels at the right end, nudged apart so they never overlap.
    out.append('<g class="sd-curves" fill="none">')
    ends: list[tuple[float, int]] = []
    for k in SD_LINES:
        xs, ys = sx(cx), sy(curves[k])
        d = "M" + " L".join(f"{a:.1f},{b:.1f}" for a, b in zip(xs, ys, strict=True))
        width = 1.6 if k == 0 else 1.2
        out.append(
            f'<path class="sd-curve" data-sd="{k}" d="{d}" stroke="{_SD_COLOURS[k]}" '
            f'stroke-width="{width}"/>'
        )
        ends.append((float(ys[-1]), k))
    out.append("</g>")
    placed: list[float] = []
    for y, _ in sorted(ends):
        y = max(y, placed[-1] + 11.5) if placed else y
        placed.append(y)
    out.append('<g class="sd-labels" font-size="11" font-weight="bold">')
    for (_, k), y in zip(sorted(ends), placed, strict=True):
        label = "0" if k == 0 else f"{k:+d}"
        out.append(
            f'<text x="{LEFT + plot_w + 3}" y="{y + 4:.1f}" fill="{_SD_COLOURS[k]}">{label}</text>'
        )
    out.append("</g>")

    # The child's measurements.
    out.append('<g class="child">')
    if px.size > 1:
        coords = " ".join(f"{a:.1f},{b:.1f}" for a, b in zip(sx(px), sy(py), strict=True))
        out.append(
            f'<polyline class="child-line" points="{coords}" fill="none" '
            f'stroke="{_POINT_NORMAL}" stroke-width="1.4"/>'
        )
    for a, b, z, xv, yv in zip(sx(px), sy(py), pz, px, py, strict=True):
        low = bool(z < -2)  # NaN (no z, e.g. oedema) is not highlighted
        fill = _POINT_LOW if low else _POINT_NORMAL
        cls = "point below-2sd" if low else "point"
        z_text = "" if math.isnan(z) else f", z = {z:.2f}"
        out.append(
            f'<circle class="{cls}" cx="{a:.1f}" cy="{b:.1f}" r="{4.2 if low else 3.4}" '
            f'fill="{fill}" stroke="#ffffff" stroke-width="1">'
            f"<title>{_num(xv)}; {_num(yv)}{z_text}</title></circle>"
        )
    out.append("</g>")

    # Legend under the x axis title.
    ly = HEIGHT - 26
    out.append('<g class="legend" font-size="11" fill="#222">')
    out.append(
        f'<circle cx="{LEFT + 5}" cy="{ly - 4}" r="3.4" fill="{_POINT_NORMAL}"/>'
        f'<text x="{LEFT + 13}" y="{ly}">{escape(text["legend_child"])}</text>'
    )
    out.append(
        f'<circle cx="{LEFT + 160}" cy="{ly - 4}" r="4.2" fill="{_POINT_LOW}"/>'
        f'<text x="{LEFT + 168}" y="{ly}">{escape(text["legend_low"])}</text>'
    )
    ly2 = ly + 17
    out.append(
        f'<line x1="{LEFT}" y1="{ly2 - 4}" x2="{LEFT + 14}" y2="{ly2 - 4}" '
        f'stroke="{_SD_COLOURS[0]}" stroke-width="1.6"/>'
        f'<text x="{LEFT + 18}" y="{ly2}">{escape(text["legend_median"])}</text>'
        f'<line x1="{LEFT + 90}" y1="{ly2 - 4}" x2="{LEFT + 104}" y2="{ly2 - 4}" '
        f'stroke="{_SD_COLOURS[2]}" stroke-width="1.2"/>'
        f'<text x="{LEFT + 108}" y="{ly2}">±2 SD</text>'
        f'<line x1="{LEFT + 160}" y1="{ly2 - 4}" x2="{LEFT + 174}" y2="{ly2 - 4}" '
        f'stroke="{_SD_COLOURS[3]}" stroke-width="1.2"/>'
        f'<text x="{LEFT + 178}" y="{ly2}">±3 SD</text>'
    )
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)
