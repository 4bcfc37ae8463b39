"""Demo data of this app (placeholder: replaced by its owner). Idempotent."""

from __future__ import annotations

from datetime import date


def load(village_codes: list[str], *, today: date | None = None) -> None:
    """Add this app's demo rows to the demo desa; a second call changes nothing."""
