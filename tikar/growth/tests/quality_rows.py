"""Builder of data-quality rows for the test_quality_* modules (not a test module)."""

from __future__ import annotations

from datetime import date

from tikar.growth.quality import Measurement

MONTH = date(2026, 10, 1)


def row(id_: str, **values) -> Measurement:
    return Measurement(
        id=id_,
        child_id=values.pop("child_id", "c-" + id_),
        month=values.pop("month", MONTH),
        **values,
    )
