"""Pages of the sync app: people resolve conflicts (issue 9 item 6, offline.md 3-4).

- `conflict_list` (/konflik/): the desa's open conflicts, then those resolved in the last
  RESOLVED_DAYS days.
- `conflict_detail` (/konflik/<id>/): the server's and the phone's values side by side, and
  the choice: "Pakai data server", "Pakai data HP", or per field.

Who: the KPM and the Admin Desa of the desa read and resolve. Officers may read their area's
conflicts (`?desa=<code>` on the list, as on the other desa pages; they read every record of
their area anyway) but never resolve: a POST is 403. Another desa's conflict is a 404.

Double taps: resolving is `tikar.monitoring.services.resolve_conflict`, one transaction with
the conflict row locked, which refuses a conflict already resolved. That makes the resolution
itself the one-time token the register forms carry (`tikar.households.once`): a double tap,
the browser's resend after a lost answer, or two people at once change the record once. The
second request of the same person gets the first one's answer ("Konflik sudah diselesaikan:
data HP dipakai"), since that is what the person did; another person is told who resolved it
and when. No token is remembered in the session: that would be a second write after the
resolution (a session row), which SQLite may answer "locked" and the session middleware turns
into a 400 page after a successful resolution. `once.retry_when_locked` re-runs the view when
SQLite answers "locked" inside it.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tikar.accounts.scope import get_scoped_or_404, scoped
from tikar.api.conflicts import register_values
from tikar.households import once
from tikar.households.views import village_for
from tikar.monitoring.models import Conflict
from tikar.monitoring.services import resolve_conflict
from tikar.sync import resolve
from tikar.sync.forms import ResolveForm

# Resolved conflicts stay listed this long: a KPM who resolved one by mistake still finds it.
RESOLVED_DAYS = 90
# Caps that keep the page one screen of reading even for a desa with a backlog.
OPEN_SHOWN, RESOLVED_SHOWN = 300, 100


def open_conflicts(user, village_code: str):
    """The desa's unresolved conflicts that `user` may see (served by the conflict_open index)."""
    return scoped(Conflict.objects.filter(village_id=village_code, resolved_at__isnull=True), user)


@login_required
def conflict_list(request: HttpRequest) -> HttpResponse:
    """Open conflicts of the desa, newest first, then the recently resolved ones."""
    village = village_for(request)
    user = request.user
    since = timezone.now() - timedelta(days=RESOLVED_DAYS)
    open_qs = open_conflicts(user, village.code).select_related("created_by")
    resolved_qs = scoped(
        Conflict.objects.filter(village=village, resolved_at__gte=since), user
    ).select_related("resolved_by")
    ctx = {
        "village": village,
        "open": resolve.describe_list(list(open_qs.order_by("-created_at")[:OPEN_SHOWN])),
        "resolved": resolve.describe_list(
            list(resolved_qs.order_by("-resolved_at")[:RESOLVED_SHOWN])
        ),
        "days": RESOLVED_DAYS,
        "desa": "" if user.region_id == village.code else village.code,
    }
    for d in ctx["open"]:
        d.when_text = resolve.when_label(d.conflict.created_at)
    for d in ctx["resolved"]:
        d.when_text = resolve.when_label(d.conflict.resolved_at)
    return render(request, "sync/conflict_list.html", ctx)


def _list_url(conflict: Conflict, user) -> str:
    url = reverse("conflict_list")
    return url if user.region_id == conflict.village_id else f"{url}?desa={conflict.village_id}"


@login_required
@once.retry_when_locked
def conflict_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Both versions side by side; POST applies the choice (KPM / Admin Desa of the desa)."""
    user = request.user
    conflict = get_scoped_or_404(
        Conflict.objects.select_related("created_by", "resolved_by"), user, pk=pk
    )
    can_resolve = scoped(Conflict.objects.filter(pk=pk), user, write=True).exists()
    described = resolve.describe(conflict)
    labels = [(r.name, r.label) for r in described.rows]
    form = ResolveForm(request.POST or None, fields=labels)
    if request.method == "POST":
        if not can_resolve:
            raise PermissionDenied(resolve.NOT_YOURS)
        if form.is_valid():
            answer = _resolve(request, conflict, form)
            if answer is not None:
                return answer
    ctx = {
        "d": described,
        "c": conflict,
        "form": form,
        "can_resolve": can_resolve and conflict.resolved_at is None,
        "version": getattr(described.record, "version", None),
        "list_url": _list_url(conflict, user),
        "sent_at": resolve.when_label(conflict.created_at),
        "resolved_at": resolve.when_label(conflict.resolved_at),
        "choice": _choice(conflict) if conflict.resolved_at else "",
        "per_field": len(described.rows) > 1,
    }
    for row in described.rows:
        row.server_when = resolve.when_label(row.server_at)
    return render(request, "sync/conflict_detail.html", ctx)


def _reason(conflict: Conflict) -> str:
    row = (
        conflict.history.filter(resolved_at__isnull=False)
        .order_by("history_date")
        .values_list("history_change_reason", flat=True)
        .first()
    )
    return row or ""


def _resolve(request: HttpRequest, conflict: Conflict, form: ResolveForm):
    """Apply the choice; a redirect when done (or nothing left to do), None to show errors."""
    user = request.user
    try:
        resolve_conflict(
            conflict,
            user,
            client_fields=form.phone_fields(),
            seen_version=form.cleaned_data.get("seen_version"),
            register_values=register_values,
        )
    except ValidationError as exc:
        code = getattr(exc, "code", None)
        if code == "already_resolved":
            conflict.refresh_from_db()
            if conflict.resolved_by_id == user.pk:
                # A double tap or a resend: this person's first request did it.
                messages.success(request, _success(conflict))
                return redirect(_list_url(conflict, user))
            messages.info(request, exc.messages[0])
            return redirect("conflict_detail", pk=conflict.pk)
        if code == "record_changed":
            messages.warning(request, exc.messages[0])
            return redirect("conflict_detail", pk=conflict.pk)
        for message in exc.messages:
            form.add_error(None, message)
        return None
    messages.success(request, _success(conflict))
    return redirect(_list_url(conflict, user))


def _choice(conflict: Conflict) -> str:
    """What was chosen, in words ("data HP dipakai")."""
    return resolve.choice_words(_reason(conflict), resolve.model_of(conflict))


def _success(conflict: Conflict) -> str:
    return _("The conflict is resolved: %(choice)s.") % {"choice": _choice(conflict)}
