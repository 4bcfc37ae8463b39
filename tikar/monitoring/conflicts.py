"""The words and rules of resolving a sync conflict that `services.resolve_conflict` needs.

A `Conflict` (models.py) holds what a phone sent when it collided with a newer server change;
a person resolves it (offline.md 3-4, issue 9 item 6). The pages that describe a conflict are
the sync app's (`tikar.sync.resolve`, which reads these names from here); this module holds only
what the write path itself says and checks, so that monitoring does not import the sync app
above it (layers in pyproject.toml [tool.importlinter]):

- the refusals (`NOT_YOURS`, `RECORD_DELETED`, `RECORD_CHANGED`, `already_resolved`,
  `refuse_verified`) in Bahasa Indonesia through gettext;
- the history reason of a resolution (`change_reason`);
- `when_label`, a moment as the pages write it.
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tikar.accounts.models import Role
from tikar.calendar import day_name
from tikar.households.models import Mother

NOT_YOURS = gettext_lazy("Only the KPM and the Admin Desa of this desa resolve its conflicts.")
RECORD_DELETED = gettext_lazy(
    "This record was deleted after the phone sent its values, so the phone's values cannot be "
    "used. Restore it first, or keep the server's data to close this conflict."
)
RECORD_CHANGED = gettext_lazy(
    "This record was changed while you were choosing. Check the values again, then choose."
)

# history_change_reason is a CharField(max_length=100) (django-simple-history's default).
_REASON_MAX = 100


def when_label(moment: datetime | None) -> str:
    """ "12 Mei 2026 10.32", local time, as the other pages write a moment ("" for None)."""
    if moment is None:
        return ""
    local = timezone.localtime(moment)
    return f"{day_name(local.date())} {local:%H.%M}"


def who(user) -> str:
    """A user's name as the pages show it; "" for nobody."""
    return user.display_name if user is not None else ""


def change_reason(pk: int, taken: list[str], conflicting: list[str]) -> str:
    """The history reason of a resolution: who chose what is the row's user, what is this.

    At most `_REASON_MAX` characters (the history column's length).
    """
    if not taken:
        return f"conflict {pk}: server's values"
    if len(taken) == len(conflicting):
        return f"conflict {pk}: phone's values"
    reason = f"conflict {pk}: phone's values for {', '.join(taken)}"
    if len(reason) > _REASON_MAX:
        reason = f"conflict {pk}: phone's values for {len(taken)} of {len(conflicting)} fields"
    return reason


def already_resolved(conflict, user) -> str:
    """The refusal of a second resolve: who resolved it and when (`user` themself or another)."""
    when = when_label(conflict.resolved_at)
    if conflict.resolved_by_id == user.pk:
        return _("You already resolved this conflict (%(when)s); nothing was changed again.") % {
            "when": when
        }
    return _("%(name)s already resolved this conflict (%(when)s); nothing was changed again.") % {
        "name": who(conflict.resolved_by) or _("Someone"),
        "when": when,
    }


def refuse_verified(record: models.Model, user) -> None:
    """A KPM may not change a verified register target, as on the correction screens.

    Raises ValidationError (code "verified") naming the target; returns for any other user or
    an unverified target.
    """
    if user.role != Role.KPM:
        return
    if isinstance(record, Mother):
        verified = any(
            t.verified_at is not None
            for t in [*record.pregnancies.alive(), *record.children.alive()]
        )
        name = record.name
    else:
        verified = getattr(record, "verified_at", None) is not None
        from tikar.households.views import target_label

        name = target_label(record)
    if verified:
        raise ValidationError(
            _(
                "%(name)s is already verified by the Admin Desa, so a KPM cannot change it. Ask "
                "the Admin Desa to correct it."
            )
            % {"name": name},
            code="verified",
        )
