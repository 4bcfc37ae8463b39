"""Register screens: register a household with a pregnancy or a child, a target's page, the
Admin Desa's verification list and deleting a target.

Every look-up goes through `tikar.accounts.scope`: another desa's target is a 404, officers
read but never write (the write scope is empty for them).
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tikar.accounts.models import Role
from tikar.accounts.scope import scoped, scoped_regions
from tikar.households.forms import ChildRegisterForm, HouseholdForm, PregnancyRegisterForm
from tikar.households.models import Child, DeleteRefused, Household, Mother, Pregnancy, Target
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


def village_for(request: HttpRequest) -> Region:
    """The desa a page is about: the user's own, or for an officer `?desa=<code>` in their area."""
    user = request.user
    if user.role in (Role.KPM, Role.VILLAGE_ADMIN):
        return own_village(user)
    code = request.GET.get("desa", "")
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
def register(request: HttpRequest) -> HttpResponse:
    """Register a household with a pregnancy or a child, in two screens at most.

    Screen 1 (the household) is skipped for an existing household (?household=) and for a
    newborn (?pregnancy=, the mother's delivery). Screen 1's answers travel in hidden fields
    on screen 2, so going back loses nothing and no half-registered household is stored.
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

    person_form = _person_form(kind, data, village, household, fixed_mother)
    ctx = {
        "hh_form": hh_form,
        "household": household,
        "born_from": born_from,
        "kind": kind,
        "person_form": person_form,
    }
    if data is None or not person_form.is_valid():
        return _render_register(request, 2, **ctx)
    try:
        target = _create(user, village, hh_form, household, person_form, kind, born_from)
    except ValidationError as exc:
        _errors_to_form(person_form, exc)
        return _render_register(request, 2, **ctx)
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
def _create(user, village, hh_form, household, form, kind, born_from) -> Pregnancy | Child:
    posyandu = None
    if household is None:
        h = hh_form.cleaned_data
        posyandu = h["posyandu"]
        household = _saved(
            Household(
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


@login_required
def target(request: HttpRequest, pk: UUID) -> HttpResponse:
    from tikar.monitoring.views import target_page_context

    t = find_target(request.user, pk)
    ctx = target_page_context(request, t)
    return render(request, "households/target.html", ctx)


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
                "type": {"+": _("registered"), "~": _("changed"), "-": _("removed")}.get(
                    h.history_type, ""
                ),
                "after_verification": getattr(h, "changed_after_verification", False),
            }
        )
    return rows


@login_required
@require_POST
def target_delete(request: HttpRequest, pk: UUID) -> HttpResponse:
    t = find_target(request.user, pk, write=True)
    if isinstance(t, Household) and (t.mothers.alive().exists() or t.children.alive().exists()):
        messages.error(
            request,
            _("This household still has people in the register. Delete them first."),
        )
        return redirect("target", pk=t.pk)
    try:
        t.soft_delete(request.user)
    except DeleteRefused as exc:
        messages.error(request, exc.messages[0])
        return redirect("target", pk=t.pk)
    messages.success(request, _("%(name)s was deleted.") % {"name": target_label(t)})
    return redirect("tasks")


@login_required
def verify(request: HttpRequest) -> HttpResponse:
    """Admin Desa: the desa's targets not yet verified, each with a verify button."""
    user = request.user
    village = own_village(user)
    if user.role != Role.VILLAGE_ADMIN:
        raise PermissionDenied
    if request.method == "POST":
        t = find_target(user, _uuid_or_404(request.POST.get("target")), write=True)
        if t.verified_at is None:
            t.verify(user)
            messages.success(request, _("%(name)s is verified.") % {"name": target_label(t)})
        return redirect("verify")
    rows = []
    for model in TARGET_MODELS:
        qs = scoped(model.objects.alive().filter(verified_at=None), user).filter(village=village)
        if model is Pregnancy:
            qs = qs.select_related("mother__household")
        elif model is Child:
            qs = qs.select_related("household")
        for t in qs.order_by("created_at"):
            rows.append(
                {
                    "target": t,
                    "kind": t._meta.verbose_name,
                    "name": target_label(t),
                    "household": household_of(t),
                }
            )
    rows.sort(key=lambda r: r["target"].created_at)
    return render(request, "households/verify.html", {"rows": rows, "village": village})


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
