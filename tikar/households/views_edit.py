"""Correcting the register, and deleting with confirmation and a way back.

- `target_edit`: the household, pregnancy or child screen of registration, filled in with the
  stored row; `mother_edit`: the mother's data (a mother is not a target of her own).
- the delete confirmation and `target_delete` live in tikar.monitoring.views_register (they
  count the monthly records that go with a target).
- `deleted_list` / `target_restore`: the desa's recently deleted targets, and undoing a delete.

Who may change what (the same as deleting): the KPM of the desa while a target is not yet
verified, the Admin Desa also after (the history marks such changes "setelah verifikasi").
Another desa's target is a 404 on every URL; an officer, who reads but never writes, gets 403
(as on the other write views, `find_target(write=True)`).
"""

from __future__ import annotations

from datetime import timedelta
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tikar.accounts.models import Role
from tikar.accounts.scope import scoped
from tikar.calendar import quarter_label
from tikar.households.forms_edit import (
    ChildEditForm,
    HouseholdEditForm,
    MotherEditForm,
    PregnancyEditForm,
)
from tikar.households.models import Child, Household, Mother, Pregnancy, Target
from tikar.households.views import (
    TARGET_MODELS,
    _errors_to_form,
    _saved,
    find_target,
    household_of,
    own_village,
    target_label,
)

# How far back the list of deleted targets looks: long enough for a KPM to notice a mistake
# at the next month's entry, short enough to stay one screen.
RECENT_DAYS = 90


def locked_quarters_message(quarters: list[tuple[int, int]]) -> str:
    """The sentence the edit screens show when validated quarters keep their old figures."""
    names = ", ".join(quarter_label(y, q) for y, q in quarters)
    return _(
        "Quarter %(quarters)s is validated and keeps the figures computed from the old data. "
        "Ask the Admin Desa to reopen it if its scorecard must follow this correction."
    ) % {"quarters": names}


def may_change(user, t: Target) -> bool:
    """The KPM before verification, the Admin Desa always (write scope already checked)."""
    return t.verified_at is None or user.role == Role.VILLAGE_ADMIN


def _refuse_verified(request: HttpRequest, t: Target) -> HttpResponse:
    messages.error(
        request,
        _(
            "%(name)s is already verified by the Admin Desa, so a KPM cannot change it. Ask the "
            "Admin Desa to correct it."
        )
        % {"name": target_label(t)},
    )
    return redirect("target", pk=t.pk)


# --------------------------------------------------------------------------------------------
# Editing


def _edit_form(t: Target, data):
    if isinstance(t, Household):
        return HouseholdEditForm(data, instance=t)
    if isinstance(t, Pregnancy):
        return PregnancyEditForm(data, instance=t)
    return ChildEditForm(data, instance=t)


@login_required
def target_edit(request: HttpRequest, pk: UUID) -> HttpResponse:
    """Correct a household, pregnancy or child (GET: the filled-in form; POST: save)."""
    t = find_target(request.user, pk, write=True)
    if not may_change(request.user, t):
        return _refuse_verified(request, t)
    form = _edit_form(t, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                form.apply()
                _saved(t, request.user)
        except ValidationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("The correction is saved."))
            kept = getattr(t, "locked_quarters_kept", [])
            if kept:
                messages.warning(request, locked_quarters_message(kept))
            return redirect("target", pk=t.pk)
    ctx = {
        "t": t,
        "kind": t.KIND,
        "name": target_label(t),
        "household": household_of(t),
        "form": form,
        "mother": t.mother if isinstance(t, Pregnancy) else None,
    }
    return render(request, "households/edit_target.html", ctx)


def _mother_targets(m: Mother) -> list[Target]:
    return [*m.pregnancies.alive(), *m.children.alive()]


@login_required
def mother_edit(request: HttpRequest, pk: UUID) -> HttpResponse:
    """Correct a mother's name, NIK, birth date and phone.

    She counts as verified once one of her pregnancies or children is: the KPM may then no
    longer change her. The page she came from (`?next=<target id>`) is where the save returns.
    """
    qs = Mother.objects.alive().filter(pk=pk).select_related("household")
    m = scoped(qs, request.user).first()
    if m is None:
        raise Http404
    if not scoped(qs, request.user, write=True).exists():
        raise PermissionDenied
    targets = _mother_targets(m)
    back = next((t for t in targets if str(t.pk) == request.GET.get("next")), None)
    back = back or (targets[0] if targets else m.household)
    verified = [t for t in targets if t.verified_at is not None]
    if verified and request.user.role != Role.VILLAGE_ADMIN:
        return _refuse_verified(request, verified[0])
    form = MotherEditForm(request.POST if request.method == "POST" else None, instance=m)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                form.apply()
                _saved(m, request.user)
        except ValidationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("The correction is saved."))
            return redirect("target", pk=back.pk)
    ctx = {"mother": m, "form": form, "back": back, "household": m.household}
    return render(request, "households/edit_mother.html", ctx)


# --------------------------------------------------------------------------------------------
# Deleting and undoing


def undo_message(request: HttpRequest, t: Target) -> str:
    """The success message of a delete, with its "Batalkan" (undo) button.

    The message is drawn by base.html, which has no CSRF token of its own: the form carries
    the session's token, taken now.
    """
    return format_html(
        '{} <form method="post" action="{}" class="inline undo">'
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
        '<button class="linklike">{}</button></form>',
        _("%(name)s was deleted.") % {"name": target_label(t)},
        reverse("target_restore", args=[t.pk]),
        get_token(request),
        _("Undo"),
    )


def _deleted_targets(user, village) -> list[Target]:
    since = timezone.now() - timedelta(days=RECENT_DAYS)
    found: list[Target] = []
    for model in TARGET_MODELS:
        qs = scoped(model.objects.filter(deleted_at__gte=since), user, write=True)
        qs = qs.filter(village=village)
        if model is Pregnancy:
            qs = qs.select_related("mother__household")
        elif model is Child:
            qs = qs.select_related("household")
        found += [t for t in qs if may_change(user, t)]
    found.sort(key=lambda t: t.deleted_at, reverse=True)
    return found


@login_required
def deleted_list(request: HttpRequest) -> HttpResponse:
    """The desa's targets deleted in the last RECENT_DAYS days that this user may restore."""
    village = own_village(request.user)
    rows = [
        {
            "t": t,
            "name": target_label(t),
            "kind": t.KIND,
            "household": household_of(t),
            "who": _deleted_by(t),
        }
        for t in _deleted_targets(request.user, village)
    ]
    return render(request, "households/deleted_list.html", {"rows": rows, "days": RECENT_DAYS})


def _deleted_by(t: Target) -> str:
    row = t.history.filter(deleted_at__isnull=False).order_by("history_date").first()
    return row.history_user.display_name if row and row.history_user else ""


def find_deleted(user, pk: UUID) -> Target:
    """The deleted target with this id that `user` may see: else 404 (403 for an officer)."""
    for model in TARGET_MODELS:
        qs = model.objects.filter(pk=pk, deleted_at__isnull=False)
        t = scoped(qs, user).first()
        if t is not None:
            if not scoped(qs, user, write=True).exists():
                raise PermissionDenied
            return t
    raise Http404


def restore_problem(t: Target) -> str | None:
    """Why `t` cannot be restored as it is (a deleted parent, a KIA number taken since)."""
    household = household_of(t)
    if not isinstance(t, Household) and household.deleted_at is not None:
        return _("Restore the household of %(head)s first.") % {"head": household.head_name}
    if isinstance(t, Pregnancy) and t.kia_number:
        taken = Pregnancy.objects.alive().filter(village_id=t.village_id, kia_number=t.kia_number)
        if taken.exists():
            return _(
                "KIA number %(kia)s is now used by another pregnancy in this desa. Correct one "
                "of the two KIA numbers first."
            ) % {"kia": t.kia_number}
    return None


@login_required
@require_POST
def target_restore(request: HttpRequest, pk: UUID) -> HttpResponse:
    """Undo a delete: clears the tombstone with a new version and change_seq (history kept).

    The post_save signal of `tikar.scorecard.refresh` marks the quarters its records feed as
    dirty, so the scorecard counts it again.
    """
    try:
        t = find_deleted(request.user, pk)
    except Http404:
        # A second tap on "Batalkan" finds it restored already: show it, not a 404.
        live = find_target(request.user, pk, write=True)
        return redirect("target", pk=live.pk)
    if not may_change(request.user, t):
        return _refuse_verified_restore(request, t)
    problem = restore_problem(t)
    if problem:
        messages.error(request, problem)
        return redirect("deleted_list")
    t.restore(request.user)  # a concurrent second tap finds it restored and changes nothing
    messages.success(request, _("%(name)s is restored.") % {"name": target_label(t)})
    return redirect("target", pk=t.pk)


def _refuse_verified_restore(request: HttpRequest, t: Target) -> HttpResponse:
    messages.error(
        request,
        _("%(name)s was verified; only the Admin Desa can restore it.") % {"name": target_label(t)},
    )
    return redirect("deleted_list")
