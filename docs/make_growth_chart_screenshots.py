"""Render the demo growth charts and take 360 px screenshots with headless Chromium.

    .venv/bin/python docs/make_growth_chart_screenshots.py

Writes docs/growth-chart-lhfa.png and docs/growth-chart-wfa.png.  The child is synthetic: a
girl measured monthly from birth to 18 months whose length drifts from the median to below
-2 SD (stunting), while her weight stays between -2 and -1 SD until it dips at the end.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tikar.growth.charts import render_chart  # noqa: E402
from tikar.growth.who2006 import DAYS_PER_MONTH, FEMALE, load_table, sd_value  # noqa: E402

CHROMIUM = "/usr/bin/chromium"


def demo_child() -> list[dict[str, object]]:
    """Monthly visits 0-18 months; measurements placed on chosen z-score paths."""
    visits = []
    length_table, weight_table = load_table("len"), load_table("wei")
    for month in range(19):
        day = int(np.floor(month * DAYS_PER_MONTH + 0.5))
        z_len = -0.2 - 2.5 * (month / 18) ** 1.3
        z_wei = -0.4 - 1.3 * (month / 18) - (0.6 if month >= 16 else 0.0)
        lms = [
            (t.l[FEMALE, [day]], t.m[FEMALE, [day]], t.s[FEMALE, [day]])
            for t in (length_table, weight_table)
        ]
        length = float(sd_value(z_len, *lms[0])[0])
        weight = float(sd_value(z_wei, *lms[1])[0])
        visits.append(
            {
                "age_days": day,
                "lenhei": round(length, 1),
                "weight": round(weight, 1),
                "measure": "l",
            }
        )
    return visits


def screenshot(svg: str, png: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "chart.html"
        html.write_text(
            "<!doctype html><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width'>"
            "<style>html,body{margin:0;background:#fff}</style>" + svg,
            encoding="utf-8",
        )
        profile = Path(tmp) / "profile"
        subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--hide-scrollbars",
                "--window-size=360,440",
                f"--screenshot={png}",
                html.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def main() -> None:
    child = demo_child()
    for indicator in ("lhfa", "wfa"):
        svg = render_chart(indicator, FEMALE, child, labels={"subtitle": "Contoh: Sari"})
        svg_path = ROOT / "docs" / f"growth-chart-{indicator}.svg"
        png_path = ROOT / "docs" / f"growth-chart-{indicator}.png"
        svg_path.write_text(svg, encoding="utf-8")
        screenshot(svg, png_path)
        svg_path.unlink()  # only the PNG is kept in the repository
        print(png_path.relative_to(ROOT))


if __name__ == "__main__":
    main()
