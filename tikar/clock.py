"""Today's date for every figure that depends on it: the one injectable clock.

Which months of the current quarter have passed, a child's age "today" and a pregnancy's
gestation "today" all read `today()`. It is `timezone.localdate()` (the deployment's TIME_ZONE,
Asia/Jakarta by default) unless the setting `TIKAR_TODAY` ("YYYY-MM-DD") pins it: tests pin it
with `override_settings(TIKAR_TODAY="2025-11-10")`, and a demo can be shown "as of" a date.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.utils import timezone


def today() -> date:
    """The local date, or `settings.TIKAR_TODAY` when it is set (a date or an ISO string)."""
    pinned = getattr(settings, "TIKAR_TODAY", None)
    if pinned:
        return pinned if isinstance(pinned, date) else date.fromisoformat(str(pinned))
    return timezone.localdate()
