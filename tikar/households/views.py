"""Register screens: register a household with a pregnancy or a child, a target's page, the
Admin Desa's verification list and deleting a target.

Every look-up goes through `tikar.accounts.scope`: another desa's target is a 404, officers
read but never write (the write scope is empty for them).
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlencode
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tikar.accounts.models import Role
from tikar.accounts.scope import scoped, scoped_regions
from tikar.households import once
from tikar.households.forms import ChildRegisterForm, HouseholdForm, PregnancyRegisterForm
from tikar.households.models import (
    DELETED_REASON,
    RESTORED_REASON,
    Child,
    Household,
    Mother,
    Pregnancy,
    Target,
)
from tikar.households.search import search_q
from tikar.regions.models import Level, Region

TARGET_MODELS: tuple[type[Target], ...] = (Pregnancy, Child, Household)


# --------------------------------------------------------------------------------------------
# Shared look-ups (also used by tikar.monitoring.views)


def find_target(user, pk: UUID, *, write: bool = False) -> Pregnancy | Child | Household:
    """The live target with this id that `user` may see (or change): else 404.

    With write=True an officer's (read-only) access is refused with 403, but only after the
    read look-up, so that another desa's target is still a 404 and never confirms it exists.
    """
    for model in TARGET_MODELS:
        qs = model.objects.alive().filter(pk=pk)
        if model is Pregnancy:
            qs = qs.select_related("mother__household", "posyandu")
        elif model is Child:
            qs = qs.select_related("household", "mother", "posyandu")
        target = scoped(qs, user).first()
        if target is not None:
            if write and not scoped(qs, user, write=True).exists():
                raise PermissionDenied
            return target
    raise Http404


def own_village(user) -> Region:
    """The desa of a village user; anyone else has none (403: the page is not theirs)."""
    if user.role not in (Role.KPM, Role.VILLAGE_ADMIN) or not user.has_valid_binding:
        raise PermissionDenied
    return user.region


# A desa's Kemendagri code: province.regency.district.village, e.g. 12.10.07.2001.
DESA_CODE = re.compile(r"\d{2}\.\d{2}\.\d{2}\.\d{4}")


def village_for(request: HttpRequest) -> Region:
    """The desa a page is about: the user's own, or for an officer `?desa=<code>` in their area.

    Every page that takes `?desa=` (households, monitoring, scorecard) answers 404, never a
    silent fallback, when it names a desa outside the user's scope or is malformed: a village
    user's link to a neighbour's page must not look as if it worked by showing their own desa.
    """
    user = request.user
    code = request.GET.get("desa", "")
    if user.role in (Role.KPM, Role.VILLAGE_ADMIN):
        village = own_village(user)
        if code and code != village.code:
            raise Http404
        return village
    # Checked before any query: a NUL byte or a 10,000-character value must be a 404, not a
    # database error (PostgreSQL refuses NUL in a string literal).
    if not DESA_CODE.fullmatch(code):
        raise Http404
    region = scoped_regions(user).filter(code=code, level=Level.VILLAGE).first()
    if region is None:
        raise Http404
    return region


def household_of(target: Target) -> Household:
    if isinstance(target, Household):
        return target
    if isinstance(target, Pregnancy):
        return target.mother.household
    return target.household


def target_label(target: Target) -> str:
    if isinstance(target, Pregnancy):
        return target.mother.name
    if isinstance(target, Child):
        return target.name
    return target.head_name


# --------------------------------------------------------------------------------------------
# Register


def _scoped_get(model, user, pk: str | None):
    """An optional ?household= / ?pregnancy= parameter: a target the user may change, else 404."""
    if not pk:
        return None
    try:
        UUID(pk)
    except ValueError as exc:
        raise Http404 from exc
    return find_target_of(model, user, pk, write=True)


def find_target_of(model, user, pk, *, write: bool = False):
    qs = model.objects.alive().filter(pk=pk)
    found = scoped(qs, user).first()
    if found is None:
        raise Http404
    if write and not scoped(qs, user, write=True).exists():
        raise PermissionDenied
    return found


@login_required
@once.retry_when_locked
def register(request: HttpRequest) -> HttpResponse:
    """Register a household with a pregnancy or a child, in two screens at most.

    Screen 1 (the household) is skipped for an existing household (?household=) and for a
    newborn (?pregnancy=, the mother's delivery). Screen 1's answers travel in hidden fields
    on screen 2, so going back loses nothing and no half-registered household is stored.

    Screen 2 carries a token (`tikar.households.once`): the same submission posted again (a
    double tap, a retry) redirects to what the first one registered instead of registering it
    twice, also when the two arrive at the same moment.
    """
    user = request.user
    village = own_village(user)
    posted = request.method == "POST"
    source = request.POST if posted else request.GET
    data = request.POST if posted else None
    step = request.POST.get("step", "household") if posted else "household"
    born_from = _scoped_get(Pregnancy, user, source.get("pregnancy"))
    household = _scoped_get(Household, user, source.get("household"))
    fixed_mother = None
    if born_from is not None:
        fixed_mother = born_from.mother
        household = fixed_mother.household

    hh_form = None
    if household is None:
        # Screen 1, or screen 1's answers carried on screen 2.
        hh_form = HouseholdForm(data, village=village)
        if not posted or step == "back" or not hh_form.is_valid():
            return _render_register(request, 1, hh_form=hh_form)
        kind = hh_form.cleaned_data["kind"]
        if step == "household":
            data = None  # screen 2 opens empty, without errors
    elif born_from is not None:
        kind = "child"
    else:
        kind = source.get("kind")
        if kind not in ("pregnancy", "child"):
            return _render_register(request, 2, household=household, kind=None)

    # A new token for each fresh screen 2; the same one again when it comes back with errors.
    token = once.token_of(request.POST) if data is not None else once.new_token()
    if data is not None:
        # Before the form's checks: they would take the first submission's rows for likely
        # duplicates of this one.
        done = _registered(user, token, kind)
        if done is not None:
            return _registered_response(request, done)
    person_form = _person_form(kind, data, village, household, fixed_mother)
    ctx = {
        "hh_form": hh_form,
        "household": household,
        "born_from": born_from,
        "kind": kind,
        "person_form": person_form,
        "token": token,
    }
    if data is None or not person_form.is_valid():
        # The same submission may have been saved while this one was being checked (and then
        # be what the duplicate check found): its result, not a question.
        done = _registered(user, token, kind) if data is not None else None
        if done is not None:
            return _registered_response(request, done)
        return _render_register(request, 2, **ctx)
    ids = {role: once.derived_id(user, token, role) for role in _ROLES}
    try:
        target = _create(user, village, hh_form, household, person_form, kind, born_from, ids)
    except ValidationError as exc:
        _errors_to_form(person_form, exc)
        return _render_register(request, 2, **ctx)
    except IntegrityError:
        # The same submission, arriving at the same moment, was saved first: show its result.
        target = _registered(user, token, kind)
        if target is None:
            # Its rows were deleted since, and the page was sent again from the browser's
            # history: that is a new registration, under new ids.
            ids = {role: once.derived_id(user, once.new_token(), role) for role in _ROLES}
            target = _create(user, village, hh_form, household, person_form, kind, born_from, ids)
    return _registered_response(request, target)


_ROLES = ("household", "mother", "pregnancy", "child")


def _registered(user, token: str, kind: str) -> Pregnancy | Child | None:
    """What an earlier submission of this token registered, if any (only the user's own)."""
    model = Pregnancy if kind == "pregnancy" else Child
    pk = once.derived_id(user, token, model.KIND)
    return scoped(model.objects.alive().filter(pk=pk), user).first()


def _registered_response(request: HttpRequest, target: Pregnancy | Child) -> HttpResponse:
    messages.success(
        request,
        _("%(name)s is registered. Record this month's monitoring now.")
        % {"name": target_label(target)},
    )
    return redirect("target", pk=target.pk)


def _person_form(kind, data, village, household, fixed_mother):
    if kind == "pregnancy":
        return PregnancyRegisterForm(data, village=village)
    initial = {}
    if fixed_mother is not None:
        delivered = fixed_mother.pregnancies.alive().exclude(delivery_date=None)
        last = delivered.order_by("-delivery_date").first()
        if last is not None:
            initial["birth_date"] = last.delivery_date
            initial["kia_number"] = last.kia_number
    return ChildRegisterForm(
        data, village=village, household=household, fixed_mother=fixed_mother, initial=initial
    )


def _render_register(request, screen: int, **ctx) -> HttpResponse:
    ctx.setdefault("household", None)
    ctx.setdefault("born_from", None)
    ctx["screen"] = screen
    return render(request, "households/register.html", ctx)


def _errors_to_form(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            name = field if field in form.fields else None
            for e in errors:
                form.add_error(name, e)
    else:
        for e in exc.messages:
            form.add_error(None, e)


def _saved(obj, user):
    """Full validation (the models' own rules), then save with the author in the history."""
    derived = obj.derive_village()  # save() would copy it from the parent; clean needs it now
    if derived:
        obj.village_id = derived
    obj.full_clean(validate_unique=False, validate_constraints=False)
    obj.created_by = obj.created_by or user
    obj._history_user = user
    obj.save()
    return obj


@transaction.atomic
def _create(user, village, hh_form, household, form, kind, born_from, ids) -> Pregnancy | Child:
    """Save the submission's rows under the ids derived from its token (`ids`, by role)."""
    posyandu = None
    if household is None:
        h = hh_form.cleaned_data
        posyandu = h["posyandu"]
        household = _saved(
            Household(
                id=ids["household"],
                village=village,
                head_name=h["head_name"],
                dusun=h["dusun"],
                rt=h["rt"],
                rw=h["rw"],
                safe_water=h["safe_water"],
                latrine=h["latrine"],
                vulnerable=h["vulnerable"],
                posyandu=posyandu,
            ),
            user,
        )
    else:
        posyandu = household.posyandu
    d = form.cleaned_data
    if kind == "pregnancy":
        mother = _saved(
            Mother(
                id=ids["mother"],
                household=household,
                name=d["mother_name"],
                nik=d["mother_nik"] or None,
                birth_date=d["mother_birth_date"],
                phone=d["mother_phone"],
            ),
            user,
        )
        return _saved(
            Pregnancy(
                id=ids["pregnancy"],
                mother=mother,
                kia_number=d["kia_number"],
                due_date=d["due_date"],
                gestation_month=d["gestation_month"],
                risk_status=d["risk_status"],
                health_insurance=d["health_insurance"],
                posyandu=posyandu,
            ),
            user,
        )
    mother = form.chosen_mother()
    if mother is None and (d.get("mother_name") or "").strip():
        mother = _saved(
            Mother(
                id=ids["mother"],
                household=household,
                name=" ".join(d["mother_name"].split()),
                nik=d.get("mother_nik") or None,
            ),
            user,
        )
    if born_from is not None:
        posyandu = born_from.posyandu or posyandu
    return _saved(
        Child(
            id=ids["child"],
            household=household,
            mother=mother,
            born_from=born_from,
            name=" ".join(d["name"].split()),
            sex=d["sex"],
            birth_date=d["birth_date"],
            nik=d["nik"] or None,
            temp_number=d["temp_number"],
            kia_number=(d["kia_number"] or "").strip(),
            birth_certificate=d["birth_certificate"],
            health_insurance=d["health_insurance"],
            posyandu=posyandu,
        ),
        user,
    )


# --------------------------------------------------------------------------------------------
# Target page, delete, verify


def can_write(user, t: Target) -> bool:
    return scoped(type(t).objects.filter(pk=t.pk), user, write=True).exists()


def change_history(t: Target, limit: int = 20) -> list[dict]:
    """The target's audit rows, newest first, marking those made after verification."""
    rows = []
    for h in t.history.select_related("history_user").order_by("-history_date")[:limit]:
        rows.append(
            {
                "when": h.history_date,
                "who": h.history_user.display_name if h.history_user else "",
                "type": {
                    DELETED_REASON: _("deleted"),
                    RESTORED_REASON: _("restored"),
                }.get(
                    h.history_change_reason or "",
                    {"+": _("registered"), "~": _("changed"), "-": _("removed")}.get(
                        h.history_type, ""
                    ),
                ),
                "after_verification": getattr(h, "changed_after_verification", False),
            }
        )
    if isinstance(t, Pregnancy):
        # The mother's corrections belong to her pregnancy's story; Mother has no verification
        # of its own, so "after verification" is read from the pregnancy's verification time.
        for h in t.mother.history.select_related("history_user").filter(history_type="~"):
            rows.append(
                {
                    "when": h.history_date,
                    "who": h.history_user.display_name if h.history_user else "",
                    "type": _("mother's data changed"),
                    "after_verification": bool(t.verified_at and h.history_date > t.verified_at),
                }
            )
        rows = sorted(rows, key=lambda r: r["when"], reverse=True)[:limit]
    return rows


@login_required
def verify(request: HttpRequest) -> HttpResponse:
    """Admin Desa: the desa's targets not yet verified, each with a verify button.

    `?cari=` searches by name, NIK or KIA number (the same search as Tugas bulan ini). A verify
    sent by htmx answers with the row alone, verified, so the list stays where it is; without
    script the page comes back at the next row's anchor.
    """
    user = request.user
    village = own_village(user)
    if user.role != Role.VILLAGE_ADMIN:
        raise PermissionDenied
    cari = (request.GET.get("cari") or "").strip()
    if request.method == "POST":
        t = find_target(user, _uuid_or_404(request.POST.get("target")), write=True)
        before = [r["target"].pk for r in _verify_rows(user, village, cari)]
        if t.verified_at is None:
            t.verify(user)
        if request.headers.get("HX-Request"):
            row = {**_verify_row(t), "verified": True}
            return render(request, "households/_verify_row.html", {"r": row})
        messages.success(request, _("%(name)s is verified.") % {"name": target_label(t)})
        later = before[before.index(t.pk) + 1 :] if t.pk in before else []
        query = f"?{urlencode({'cari': cari})}" if cari else ""
        return redirect(reverse("verify") + query + (f"#v-{later[0]}" if later else ""))
    rows = _verify_rows(user, village, cari)
    return render(
        request,
        "households/verify.html",
        {"rows": rows, "village": village, "cari": cari, "query": urlencode({"cari": cari})},
    )


def _verify_row(t) -> dict:
    return {
        "target": t,
        "kind": t._meta.verbose_name,
        "name": target_label(t),
        "household": household_of(t),
    }


def _verify_rows(user, village, cari: str = "") -> list[dict]:
    """The desa's unverified targets, oldest first, narrowed by `cari` when given."""
    rows = []
    for model in TARGET_MODELS:
        qs = scoped(model.objects.alive().filter(verified_at=None), user).filter(village=village)
        if model is Pregnancy:
            qs = qs.select_related("mother__household")
        elif model is Child:
            qs = qs.select_related("household")
        if cari:
            qs = qs.filter(
                Q(head_name__icontains=cari) if model is Household else search_q(model, cari)
            )
        rows.extend(_verify_row(t) for t in qs.order_by("created_at"))
    rows.sort(key=lambda r: r["target"].created_at)
    return rows


def _uuid_or_404(value: str | None) -> UUID:
    try:
        return UUID(value or "")
    except ValueError as exc:
        raise Http404 from exc


def month_url(t: Target, month: date, form: str | None = None) -> str:
    url = reverse("record_month", kwargs={"pk": t.pk, "year": month.year, "month": month.month})
    return f"{url}?form={form}" if form else url


def today() -> date:
    return timezone.localdate()
