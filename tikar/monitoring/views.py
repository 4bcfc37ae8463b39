"""Monitoring screens: this month's tasks, the monthly entry (2a/2b/2c) with live z-scores,
growth charts, KPM activity and Formulir 1.

Reads go through `scoped()` (another desa is a 404); every monthly write goes through
`services.record_month`, the one write path, which also refuses officers.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from urllib.parse import parse_qsl, urlencode
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Count, Max
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tikar import clock
from tikar.accounts.models import Role
from tikar.accounts.scope import scoped, scoped_users
from tikar.calendar import (
    PeriodError,
    add_months,
    age_reference_day,
    is_balita_month,
    month_end,
    month_name,
    parse_month,
)
from tikar.growth.charts import render_chart
from tikar.households import views as hv
from tikar.households.models import Child, Household, Mother, Pregnancy, Target
from tikar.monitoring import entry_weighing, filters, queries, rules
from tikar.monitoring import formulir1 as f1
from tikar.monitoring.forms import (
    ChildMonthForm,
    PaudMonthForm,
    PregnancyMonthForm,
    WeighingMonthForm,
)
from tikar.monitoring.models import ChildVisit, PaudRecord, PregnancyVisit, VillageYear
from tikar.monitoring.services import record_month as save_month

MONTHS_BACK = 12  # how far back the month switcher goes

STATUS_LABELS = {
    rules.STUNTING: gettext_lazy("Stunting"),
    rules.GIZI_BURUK: gettext_lazy("Severely wasted (gizi buruk)"),
    rules.GIZI_KURANG: gettext_lazy("Wasted (gizi kurang)"),
    rules.UNJUDGED: gettext_lazy(
        "Cannot be judged: value outside WHO plausible limits, measure again"
    ),
}
Z_LABELS = (
    ("len", "PB/U · TB/U"),
    ("wei", "BB/U"),
    ("wfl", "BB/PB · BB/TB"),
    ("bmi", "IMT/U"),
    ("hc", "LK/U"),
    ("ac", "LiLA/U"),
)


# --------------------------------------------------------------------------------------------
# Months


def this_month() -> date:
    return timezone.localdate().replace(day=1)


def month_or_404(year: int, month: int) -> date:
    try:
        m = date(year, month, 1)
    except (ValueError, OverflowError) as exc:  # 99999999999999999999 overflows C long
        raise Http404 from exc
    if m > this_month():
        raise Http404
    return m


def month_from_query(value: str | None) -> date:
    """`?bulan=YYYY-MM`; anything unreadable or in the future is this month."""
    current = this_month()
    try:
        return parse_month(value, latest=current) or current
    except PeriodError:
        return current


def month_and_notice(value: str | None) -> tuple[date, str]:
    """`?bulan=YYYY-MM` as `month_from_query` reads it, and a notice in the user's language.

    The notice is "" when the value is empty or a month that can be shown; otherwise it says
    what was not understood and that this month is shown instead, with the same sentences as
    the SKDN report (tikar/posyandu/views_skdn.py parse_month), so a mistyped link is not
    silently taken for this month.
    """
    current = this_month()
    try:
        month = parse_month(value, latest=current)
    except PeriodError as exc:
        if exc.code == "future":
            return current, _("%(month)s has not come yet: showing %(current)s.") % {
                "month": month_name(parse_month(value)),
                "current": month_name(current),
            }
        return current, _(
            "“%(value)s” is not a month in the form YYYY-MM (for example %(example)s): "
            "showing %(month)s."
        ) % {
            "value": (value or "")[:20],
            "example": f"{current:%Y-%m}",
            "month": month_name(current),
        }
    return (current, "") if month is None else (month, "")


def month_choices(selected: date) -> list[dict]:
    current = this_month()
    return [
        {"value": f"{m:%Y-%m}", "label": month_name(m), "selected": m == selected}
        for m in (add_months(current, -i) for i in range(MONTHS_BACK))
    ]


def status_words(status) -> list[str]:
    return [
        str(STATUS_LABELS[s])
        for s in (rules.STUNTING, rules.GIZI_BURUK, rules.GIZI_KURANG, rules.UNJUDGED)
        if s in status
    ]


# --------------------------------------------------------------------------------------------
# Tugas bulan ini


@login_required
def tasks(request: HttpRequest) -> HttpResponse:
    """Tugas bulan ini: the month's targets, searchable and filtered, grouped, one page at a time.

    The filter (see `tikar.monitoring.filters`) is carried into each entry link, so "save and
    next" walks the same list and "back" returns to the same page of it.
    """
    village = hv.village_for(request)
    month, month_notice = month_and_notice(request.GET.get("bulan"))
    found = filters.filtered_tasks(village, month, request.GET)
    page = Paginator(found.tasks, filters.PAGE_SIZE).get_page(request.GET.get(filters.PAGE_PARAM))
    desa_param = "" if request.user.is_village_user else village.code
    # What an entry page needs to come back here or walk on: month, filter, page, desa.
    carry = "&".join(
        x
        for x in (
            found.query,
            f"{filters.PAGE_PARAM}={page.number}" if page.number > 1 else "",
            f"desa={desa_param}" if desa_param else "",
        )
        if x
    )
    # Only the page's rows are built; the whole list is plain values (filters.filtered_tasks).
    kinds = {form: _form_label(form) for form in (rules.FORM_2A, rules.FORM_2B, rules.FORM_2C)}
    groups: OrderedDict[str, dict] = OrderedDict()
    for task in page.object_list:
        key = filters.group_name(task)
        group = groups.setdefault(key, {"name": key, "rows": [], "done": 0})
        group["rows"].append(
            {
                "task": task,
                "name": task.name,
                "url": filters.with_query(filters.entry_url(task, month), carry),
                "anchor": f"t-{task.pk}-{task.form}",
                "kind": kinds[task.form],
            }
        )
        group["done"] += task.done
    done = sum(t.done for t in found.tasks)
    page_query = "&".join(
        x
        for x in (f"bulan={month:%Y-%m}", found.query, f"desa={desa_param}" * bool(desa_param))
        if x
    )
    ctx = {
        "village": village,
        "month": month,
        "month_label": month_name(month),
        "month_notice": month_notice,
        "months": month_choices(month),
        "groups": list(groups.values()),
        "counts": {"todo": len(found.tasks) - done, "done": done, "total": len(found.tasks)},
        "filter": found.filterset,
        "filtered": found.active,
        "page": page,
        "page_query": page_query,
        "keep_params": parse_qsl(found.query),
        "desa_param": desa_param,
    }
    return render(request, "monitoring/tasks.html", ctx)


def _form_label(form: str) -> str:
    return {
        rules.FORM_2A: _("Pregnancy (2a)"),
        rules.FORM_2B: _("Child 0-23 months (2b)"),
        rules.FORM_2C: _("PAUD (2c)"),
    }[form]


def month_counts(village_code: str, month: date) -> dict:
    """For the KPM home: targets this month, recorded and still to record."""
    items = queries.task_rows(village_code, month)  # values, not model instances: only counted
    done = sum(t.done for t in items)
    return {"total": len(items), "done": done, "todo": len(items) - done}


# --------------------------------------------------------------------------------------------
# Monthly entry


FORMS = {
    rules.FORM_2A: PregnancyMonthForm,
    rules.FORM_2B: ChildMonthForm,
    rules.FORM_2C: PaudMonthForm,
}
MODELS = {rules.FORM_2A: PregnancyVisit, rules.FORM_2B: ChildVisit, rules.FORM_2C: PaudRecord}
# Facts that are a state of the household or person: carried from the month before.
STATE_FIELDS = {
    rules.FORM_2A: ("safe_water", "latrine", "health_insurance", "risk_status", "posyandu"),
    rules.FORM_2B: (
        "safe_water",
        "latrine",
        "birth_certificate",
        "health_insurance",
        "posyandu",
        "immunisation_basic_complete",
        "immunisation_measles",
    ),
    rules.FORM_2C: ("status",),
}


def form_for(target, month: date, requested: str | None) -> str:
    if isinstance(target, Pregnancy):
        if not rules.pregnancy_needs_record(target.delivery_date, month):
            raise Http404
        return rules.FORM_2A
    if isinstance(target, Child):
        forms_ = child_page_forms(target.birth_date, month)
        if not forms_:
            raise Http404
        return requested if requested in forms_ else forms_[0]
    raise Http404  # a household has no monthly record


def child_page_forms(birth: date, month: date) -> tuple[str, ...]:
    """The forms the entry page offers a child in `month`: Formulir 2b / 2c by age, and from
    24 to 59 months the posyandu weighing, stored as the month's ChildVisit ("2b") holding
    the measurement only (docs/posyandu.md: rules.is_weighing_only_month)."""
    forms_ = rules.child_forms_for_month(birth, month)
    if rules.FORM_2B not in forms_ and is_balita_month(birth, month):
        forms_ += (rules.FORM_2B,)
    return forms_


def weighing_only(target, form_code: str, month: date) -> bool:
    """Whether the page's form is the weighing-only record of a child 24-59 months."""
    return (
        form_code == rules.FORM_2B
        and isinstance(target, Child)
        and rules.is_weighing_only_month(target.birth_date, month)
    )


def form_class(target, form_code: str, month: date):
    return WeighingMonthForm if weighing_only(target, form_code, month) else FORMS[form_code]


def _existing(form: str, target, month: date):
    return (
        MODELS[form]
        .objects.alive()
        .filter(**{MODELS[form].TARGET_FIELD: target, "month": month})
        .first()
    )


def _initial(form: str, target, month: date, record) -> dict:
    """The values the screen opens with: the record itself, else last month's states."""
    model = MODELS[form]
    if record is not None:
        initial = {n: getattr(record, n) for n in form_class(target, form, month).RECORD_FIELDS}
        if form == rules.FORM_2B:
            initial["measured_lying"] = {True: "1", False: "0"}.get(record.measured_lying)
    else:
        initial = {}
        previous = (
            model.objects.alive()
            .filter(**{model.TARGET_FIELD: target, "month__lt": month})
            .order_by("-month")
            .first()
        )
        hh = hv.household_of(target)
        register = {
            "safe_water": hh.safe_water,
            "latrine": hh.latrine,
            "posyandu": target.posyandu_id or hh.posyandu_id,
        }
        if isinstance(target, Pregnancy):
            register |= {
                "health_insurance": target.health_insurance,
                "risk_status": target.risk_status,
            }
        else:
            register |= {
                "health_insurance": target.health_insurance,
                "birth_certificate": target.birth_certificate,
            }
        for name in STATE_FIELDS[form]:
            if previous is not None:
                value = getattr(previous, f"{name}_id" if name == "posyandu" else name)
            else:
                value = register.get(name)
            if value is not None:
                initial[name] = value
        if form == rules.FORM_2A:
            initial["gestation_month"] = gestation_proposal(target, month, previous).month
        if form == rules.FORM_2B:
            # Under 2 years a child is measured lying (the WHO length standard), from 2 years
            # standing (height).
            initial["measured_lying"] = "0" if weighing_only(target, form, month) else "1"
            if month == this_month():
                initial["visit_date"] = timezone.localdate()
    for name, value in list(initial.items()):
        if isinstance(value, bool):
            initial[name] = "1" if value else "0"
    if isinstance(target, Pregnancy):
        initial["delivery_date"] = target.delivery_date
    return initial


def gestation_proposal(p: Pregnancy, month: date, previous=None) -> rules.Gestation:
    """The gestation month to propose for a new 2a record, and what it is based on.

    The typed value wins (issue 8 §4): the latest earlier record's gestation month, else the
    one typed at registration, each advanced by the months since; only without either is it
    estimated from the HPL, and then the page says it is an estimate.
    """
    if previous is not None and previous.gestation_month is not None:
        typed, typed_in = previous.gestation_month, previous.month
    elif p.gestation_month is not None:
        typed, typed_in = p.gestation_month, timezone.localtime(p.created_at).date()
    else:
        typed, typed_in = None, None
    return rules.gestation_for_month(
        month,
        typed=typed,
        typed_in=typed_in,
        due_date=p.due_date,
        delivery_date=p.delivery_date,
    )


def _growth_check(child: Child, month: date, fields: dict):
    """(score, nutrition status, warnings) of a measurement before it is stored."""
    values = {k: v for k, v in fields.items() if k in ChildMonthForm.MEASURE_FIELDS}
    visit = ChildVisit(child=child, month=month, **values)
    score = visit.score()
    previous = (
        ChildVisit.objects.alive()
        .filter(child=child, month__lt=month, measured=True)
        .order_by("-month")
        .values_list("length_cm", "visit_date")
        .first()
    )
    warnings = rules.growth_warnings(
        score,
        length_cm=visit.length_cm,
        previous_length_cm=previous[0] if previous else None,
        previous_date=previous[1] if previous else None,
    )
    return score, rules.nutrition_status(score, bool(visit.oedema)), warnings


def zscore_context(
    child: Child, month: date, fields: dict, earlier: entry_weighing.Earlier | None = None
) -> dict:
    measured = fields.get("weight_kg") is not None or fields.get("length_cm") is not None
    if not measured:
        return {"measured": False}
    if not fields.get("visit_date"):
        return {
            "measured": True,
            "no_date": True,
            "gain": entry_weighing.weighing_context(child, month, fields, None, earlier),
        }
    score, status, warnings = _growth_check(child, month, fields)
    rows = []
    for ind, label in Z_LABELS:
        z = score.get(f"z{ind}")
        if z is None:
            continue
        rows.append(
            {
                "label": label,
                "z": z,
                "category": score.get(f"label_{ind}") or "",
                "flagged": bool(score.get(f"f{ind}")),
                "low": z < -2,
            }
        )
    return {
        "measured": True,
        "rows": rows,
        "status": status_words(status),
        "has_status": score.get("zlen") is not None or score.get("zwfl") is not None,
        "warnings": warnings,
        # The calendar age at the visit, by the same function as every other page.
        "age": rules.age_on(child.birth_date, fields["visit_date"]),
        # N/T/O/B of the typed weight, 2T, BGM, the override and the growth mat check.
        "gain": entry_weighing.weighing_context(child, month, fields, score, earlier),
    }


@login_required
def record_month(request: HttpRequest, pk: UUID, year: int, month: int) -> HttpResponse:
    target = hv.find_target(request.user, pk)
    m = month_or_404(year, month)
    form_code = form_for(target, m, request.GET.get("form") or request.POST.get("form"))
    record = _existing(form_code, target, m)
    writable = hv.can_write(request.user, target)
    # A month of a validated quarter is shown read-only with the reason up front, not as an
    # editable form that refuses at Simpan.
    locked = _locked_reason(target, m) if writable else None
    village = target.village
    FormClass = form_class(target, form_code, m)
    if request.method == "POST" and not locked:
        if not writable:
            raise PermissionDenied
        form = FormClass(request.POST, village=village)
        if form.is_valid() and _save(request, form, form_code, target, m):
            if request.POST.get("lanjut"):
                return redirect(_next_target_url(request, target, m, form_code))
            return redirect(
                filters.with_query(
                    hv.month_url(target, m, request.POST.get("form") or None), _carry(request)
                )
            )
    else:
        if request.method == "POST" and not writable:
            raise PermissionDenied
        form = FormClass(
            initial=_initial(form_code, target, m, record),
            village=village,
            read_only=not writable or bool(locked),
        )
    ctx = _month_ctx(request, form, form_code, target, m, record, writable and not locked)
    ctx["locked_reason"] = locked
    return render(request, "monitoring/record_month.html", ctx)


def _locked_reason(target, m: date) -> str | None:
    """The validated-quarter message when `m` is in a locked quarter of the target's desa."""
    from tikar.calendar import quarter_of
    from tikar.monitoring.locks import is_locked, locked_message

    quarter = quarter_of(m)
    if is_locked(target.village_id, m.year, quarter):
        return locked_message(m.year, quarter)
    return None


def _carry(request: HttpRequest) -> str:
    """The list's filter, page and desa from the entry page's query string, to pass on."""
    return urlencode(
        [
            (k, request.GET[k])
            for k in (*filters.PARAMS, filters.PAGE_PARAM, "desa")
            if request.GET.get(k)
        ]
    )


def _next_target_url(request: HttpRequest, target, m: date, form_code: str) -> str:
    """Save and next: the next target still to record in the same filtered list.

    The filter stays in the URL; the page number follows the target, so "back to the list"
    opens where that target is. When nothing is left, the list itself, with a message.
    """
    found = filters.filtered_tasks(target.village, m, request.GET)
    nxt = filters.next_task(found.tasks, target, form_code)
    keep = [(k, request.GET[k]) for k in (*filters.PARAMS, "desa") if request.GET.get(k)]
    if nxt is None:
        messages.info(
            request,
            _("Everything in this list is recorded for %(month)s.") % {"month": month_name(m)},
        )
        return reverse("tasks") + "?" + urlencode([("bulan", f"{m:%Y-%m}"), *keep])
    page = found.tasks.index(nxt) // filters.PAGE_SIZE + 1
    if page > 1:
        keep.append((filters.PAGE_PARAM, str(page)))
    return filters.with_query(filters.entry_url(nxt, m), urlencode(keep))


def _followed_months(target, selected: date) -> list[dict]:
    """The month switcher's choices: only months in which the target is followed.

    A month before birth (a 404) or after the target left the programme is not offered; the
    selected month always is, so the switcher shows where the user is.
    """
    if isinstance(target, Pregnancy):
        checks = [
            {
                "form": rules.FORM_2A,
                "delivery_date": target.delivery_date,
                "due_date": target.due_date,
            }
        ]
    else:
        checks = [
            {"form": f, "birth_date": target.birth_date} for f in (rules.FORM_2B, rules.FORM_2C)
        ]
    out = []
    for c in month_choices(selected):
        month = date.fromisoformat(c["value"] + "-01")
        followed = any(
            not rules.check_month_followed(
                kw["form"],
                month,
                closed_at=target.closed_at,
                **{k: v for k, v in kw.items() if k != "form"},
            )
            for kw in checks
        )
        if followed or c["selected"]:
            out.append(c | {"url": hv.month_url(target, month)})
    return out


def _month_ctx(request, form, form_code, target, m, record, writable) -> dict:
    ctx = {
        "form": form,
        "form_code": form_code,
        "form_label": _WEIGHING_LABEL
        if weighing_only(target, form_code, m)
        else _form_label(form_code),
        "target": target,
        "name": hv.target_label(target),
        "household": hv.household_of(target),
        "month": m,
        "month_label": month_name(m),
        "record": record,
        "writable": writable,
        "form_param": request.GET.get("form") or request.POST.get("form") or "",
        "months": _followed_months(target, m),
        "carry": _carry(request),
        "tasks_url": filters.with_query(reverse("tasks") + f"?bulan={m:%Y-%m}", _carry(request))
        + f"#t-{target.pk}-{form_code}",
    }
    if isinstance(target, Child):
        # The age on the record's visit date, else today in the current month (the same
        # function and day as the target page), else the month's last day.
        visit = record.visit_date if record is not None else None
        ctx["age"] = rules.age_on(target.birth_date, age_reference_day(m, clock.today(), visit))
        ctx["other_forms"] = [
            {"label": _WEIGHING_LABEL if weighing_only(target, f, m) else _form_label(f),
             "url": hv.month_url(target, m, f)}
            for f in child_page_forms(target.birth_date, m)
            if f != form_code
        ]  # fmt: skip
        if form_code == rules.FORM_2B:
            ctx["weighing_only"] = weighing_only(target, form_code, m)
            values = (
                _form_values(form)
                if form.is_bound
                else {n: getattr(record, n) for n in _PREVIEW_FIELDS}
                if record
                else {}
            )
            # One read of the earlier visits for last month's values and the judgement.
            earlier = entry_weighing.earlier_visits(target, m)
            ctx["z"] = zscore_context(target, m, values, earlier)
            ctx["last_month"] = entry_weighing.last_month(target, m, earlier)
            ctx["override_errors"] = bool(form.errors.get("gain_override_reason"))
    if isinstance(target, Pregnancy):
        ctx["newborn_offer"] = _newborn_offer(target)
        if form_code == rules.FORM_2A and (record is None or record.gestation_month is None):
            # Say where a proposed gestation month comes from (typed, or estimated from HPL).
            previous = (
                PregnancyVisit.objects.alive()
                .filter(pregnancy=target, month__lt=m)
                .order_by("-month")
                .first()
            )
            ctx["gestation_note"] = gestation_proposal(target, m, previous).note
        if form_code == rules.FORM_2A:
            ctx["kek"] = _kek_of(form, record)
    return ctx


# The weighing-only record's name on the page (a child 24-59 months at the posyandu).
_WEIGHING_LABEL = gettext_lazy("Posyandu weighing (24-59 months)")
# What the z-score partial reads: the measurement, the mat colour and the override reason.
_PREVIEW_FIELDS = (*ChildMonthForm.MEASURE_FIELDS, "growth_mat", "gain_override_reason")


def _kek_of(form, record) -> dict:
    """The KEK prompt of the 2a page: from what was typed, else the stored record."""
    if form.is_bound:
        return entry_weighing.kek_context(form.data.get("muac_cm"), form.data.get("risk_status"))
    if record is not None:
        return entry_weighing.kek_context(record.muac_cm, record.risk_status)
    return entry_weighing.kek_context(None, None)


def _newborn_offer(p: Pregnancy) -> str | None:
    """The 'register the newborn' link once a delivery is recorded and no child is linked."""
    if p.delivery_date is None or p.children.alive().exists():
        return None
    return reverse("register") + f"?pregnancy={p.pk}"


def _form_values(form) -> dict:
    """Measurement values of a bound form, read leniently (for the preview while typing)."""
    out: dict = {}
    for name in ChildMonthForm.MEASURE_FIELDS:
        raw = form.data.get(name, "")
        if name == "visit_date":
            out[name] = parse_date(raw) if raw else None
        elif name == "measured_lying":
            out[name] = {"1": True, "0": False}.get(raw)
        elif name == "oedema":
            out[name] = raw == "1"
        else:
            try:
                value = Decimal(raw.strip().replace(",", ".")) if raw.strip() else None
            except InvalidOperation:
                value = None
            out[name] = value if value is not None and value > 0 else None
    out["growth_mat"] = form.data.get("growth_mat") or ""
    out["gain_override_reason"] = (form.data.get("gain_override_reason") or "").strip()
    return out


def _save(request, form, form_code: str, target, m: date) -> bool:
    """Store the month through record_month; False (errors on the form) when it cannot."""
    fields = form.record_fields()
    if form_code == rules.FORM_2B and not form.cleaned_data.get("confirm_growth"):
        measured = fields.get("weight_kg") is not None or fields.get("length_cm") is not None
        if measured and fields.get("visit_date"):
            _score, _status, warnings = _growth_check(target, m, fields)
            if warnings:
                form.add_error(
                    "confirm_growth",
                    _("Check the warnings above. Measure again, or tick this box to save."),
                )
                return False
    delivery = form.cleaned_data.get("delivery_date") if form_code == rules.FORM_2A else None
    newly_delivered = False
    try:
        with transaction.atomic():
            if form_code == rules.FORM_2A and delivery != target.delivery_date:
                newly_delivered = delivery is not None
                target.delivery_date = delivery
                target.full_clean(validate_unique=False, validate_constraints=False)
                target._history_user = request.user
                target.save()
            result = save_month(target, m, fields, request.user, form=form_code)
            _update_register(target, form_code, result.record, request.user)
    except ValidationError as exc:
        hv._errors_to_form(form, exc)
        return False
    if newly_delivered:
        messages.success(
            request,
            _("Delivery recorded. Register the newborn now, linked to the mother."),
        )
    else:
        messages.success(
            request,
            _("Saved: %(name)s, %(month)s.")
            % {"name": hv.target_label(target), "month": month_name(m)},
        )
    return True


def _update_register(target, form_code: str, record, user) -> None:
    """Keep the register's state facts at the latest month's values (Formulir 1 reads them).

    Only when this record is the target's latest: editing an old month must not undo a newer
    answer.
    """
    model = MODELS[form_code]
    later = model.objects.alive().filter(**{model.TARGET_FIELD: target, "month__gt": record.month})
    if form_code == rules.FORM_2C or later.exists():
        return
    hh = hv.household_of(target)
    own = ["health_insurance"] + (
        ["risk_status"] if isinstance(target, Pregnancy) else ["birth_certificate"]
    )
    for obj, names in ((hh, ["safe_water", "latrine"]), (target, own)):
        # An unanswered question this month says nothing new: the register keeps what it knew.
        changed = [
            n
            for n in names
            if getattr(record, n) is not None and getattr(obj, n) != getattr(record, n)
        ]
        if changed:
            for n in changed:
                setattr(obj, n, getattr(record, n))
            obj._history_user = user
            obj.save()


@login_required
@require_POST
def zscore_preview(request: HttpRequest, pk: UUID) -> HttpResponse:
    """htmx partial: z-scores, categories and status gizi of the numbers being typed."""
    target = hv.find_target(request.user, pk)
    if not isinstance(target, Child):
        raise Http404
    month = month_from_query(request.POST.get("month"))
    form = ChildMonthForm(request.POST)
    z = zscore_context(target, month, _form_values(form))
    # The override slot sits outside the swapped box: it comes along as an out-of-band swap
    # when the reason input must appear or go, not while it stays (typing a reason judges
    # again, and must not re-render the input being typed in).
    keep = "gain_override_reason" in request.POST and bool(z.get("gain", {}).get("override"))
    ctx = {"z": z, "oob": not keep}
    return render(request, "monitoring/_zscores.html", ctx)


@login_required
@require_POST
def kek_preview(request: HttpRequest, pk: UUID) -> HttpResponse:
    """htmx partial of the 2a page: LiLA < 23.5 cm is KEK; ask to set the risk status."""
    target = hv.find_target(request.user, pk)
    if not isinstance(target, Pregnancy):
        raise Http404
    kek = entry_weighing.kek_context(request.POST.get("muac_cm"), request.POST.get("risk_status"))
    return render(request, "monitoring/_kek.html", {"kek": kek})


# --------------------------------------------------------------------------------------------
# Target page (the register's person with their monthly records) and growth charts


CHART_LABELS = {
    "title_wfa": gettext_lazy("Weight-for-age (BB/U)"),
    "title_lhfa": gettext_lazy("Length/height-for-age (PB/U, TB/U)"),
    "title_wfl": gettext_lazy("Weight-for-length (BB/PB)"),
    "title_wfh": gettext_lazy("Weight-for-height (BB/TB)"),
    "male": gettext_lazy("Boy"),
    "female": gettext_lazy("Girl"),
    "standard": gettext_lazy("WHO 2006 standard"),
    "x_age": gettext_lazy("Age (months)"),
    "x_length": gettext_lazy("Length/height (cm)"),
    "y_weight": gettext_lazy("Weight (kg)"),
    "y_length": gettext_lazy("Length/height (cm)"),
    "legend_child": gettext_lazy("Child's measurements"),
    "legend_low": gettext_lazy("Below -2 SD"),
    "legend_median": gettext_lazy("Median"),
}


def _measured_visits(child: Child):
    return list(ChildVisit.objects.alive().filter(child=child, measured=True).order_by("month"))


def chart_indicators(child: Child, visits) -> list[str]:
    """wfa and lhfa, then weight-for-length under 2 years or weight-for-height from 2."""
    last = visits[-1].age_days if visits else None
    return ["wfa", "lhfa", "wfh" if last is not None and last >= 731 else "wfl"]


@login_required
def growth_chart(request: HttpRequest, pk: UUID, indicator: str) -> HttpResponse:
    target = hv.find_target(request.user, pk)
    if not isinstance(target, Child) or indicator not in ("wfa", "lhfa", "wfl", "wfh"):
        raise Http404
    points = [
        {
            "age_days": v.age_days,
            "weight": None if v.weight_kg is None else float(v.weight_kg),
            "lenhei": None if v.length_cm is None else float(v.length_cm),
            "measure": {True: "l", False: "h"}.get(v.measured_lying),
            "oedema": "y" if v.oedema else "n",
        }
        for v in _measured_visits(target)
    ]
    labels = {k: str(v) for k, v in CHART_LABELS.items()} | {"subtitle": target.name}
    svg = render_chart(indicator, "1" if target.sex == "L" else "2", points, labels)
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = "private, no-cache"
    return response


TICK, DASH = "✓", "–"
PREGNANCY_COLUMNS = (
    ("anc_check", "1", gettext_lazy("Antenatal check")),
    ("iron_tablets", "2", gettext_lazy("Iron tablets")),
    ("postnatal_checks", "3", gettext_lazy("Postnatal checks")),
    ("nutrition_counselling", "4", gettext_lazy("Counselling / class")),
    ("home_visit", "5", gettext_lazy("Home visit")),
    ("safe_water", "6", gettext_lazy("Safe water")),
    ("latrine", "7", gettext_lazy("Latrine")),
    ("health_insurance", "8", gettext_lazy("Health insurance")),
)
CHILD_COLUMNS = (
    ("immunisation_up_to_date", "1", gettext_lazy("Immunisation")),
    ("weighed", "2", gettext_lazy("Weighed")),
    ("measured", "3", gettext_lazy("Length measured")),
    ("counselling_mother", "4", gettext_lazy("Counselling")),
    ("home_visit", "5", gettext_lazy("Home visit")),
    ("safe_water", "6", gettext_lazy("Safe water")),
    ("latrine", "7", gettext_lazy("Latrine")),
    ("birth_certificate", "8", gettext_lazy("Birth certificate")),
    ("health_insurance", "9", gettext_lazy("Health insurance")),
    ("parenting_class", "10", gettext_lazy("Parenting class")),
)


def _cell(value) -> str:
    if value is None:
        return "?"  # a yes/no question not asked that month (not a "no")
    if isinstance(value, bool):
        return TICK if value else DASH
    return str(value) if value else DASH


@login_required
def target(request: HttpRequest, pk: UUID) -> HttpResponse:
    """The target page: the person, their household and their monthly records (404 outside
    the user's area). Here, above the register, because it shows the monthly records."""
    t = hv.find_target(request.user, pk)
    return render(request, "households/target.html", target_page_context(request, t))


def target_page_context(request: HttpRequest, t: Target) -> dict:
    user = request.user
    writable = hv.can_write(user, t)
    ctx: dict = {
        "t": t,
        "kind": t.KIND,
        "name": hv.target_label(t),
        "household": hv.household_of(t),
        "writable": writable,
        "can_verify": writable and user.role == Role.VILLAGE_ADMIN and t.verified_at is None,
        "can_delete": writable and (t.verified_at is None or user.role == Role.VILLAGE_ADMIN),
        "changes": hv.change_history(t),
        "current_month": this_month(),
    }
    current = this_month()
    if isinstance(t, Pregnancy):
        visits = list(PregnancyVisit.objects.alive().filter(pregnancy=t).order_by("-month"))
        ctx["columns"] = PREGNANCY_COLUMNS
        ctx["rows"] = [
            {
                "month": v.month,
                "url": hv.month_url(t, v.month),
                "cells": [_cell(getattr(v, f)) for f, _n, _l in PREGNANCY_COLUMNS],
                "extra": v.get_risk_status_display()
                + (f" · {v.gestation_month} bln" if v.gestation_month else ""),
            }
            for v in visits
        ]
        ctx["record_url"] = (
            hv.month_url(t, current)
            if rules.pregnancy_needs_record(t.delivery_date, current)
            else None
        )
        ctx["newborn_offer"] = _newborn_offer(t) if writable else None
        ctx["children"] = list(t.children.alive())
    elif isinstance(t, Child):
        ctx |= _child_history(t)
        forms_ = rules.child_forms_for_month(t.birth_date, current)
        ctx["record_url"] = hv.month_url(t, current) if forms_ else None
        ctx["weighing_url"] = (
            hv.month_url(t, current, rules.FORM_2B)
            if rules.is_weighing_only_month(t.birth_date, current)
            else None
        )
        ctx["age"] = rules.age_on(t.birth_date, clock.today())
    else:
        ctx["mothers"] = [
            {"mother": m, "pregnancies": list(m.pregnancies.alive())}
            for m in Mother.objects.alive().filter(household=t)
        ]
        ctx["kids"] = list(t.children.alive())
    return ctx


def _child_history(child: Child) -> dict:
    visits = list(ChildVisit.objects.alive().filter(child=child).order_by("month"))
    rows = []
    for v in visits:
        carried = rules.last_known_status(
            ((x.month, x.visit_date, x.measured, x.nutrition_status) for x in visits), v.month
        )
        status = None
        if carried is not None:
            words = status_words(carried.status) or [_("Normal")]
            status = {
                "words": ", ".join(words),
                # Not judged is not good news either: shown like a finding, never as Normal.
                "bad": bool(carried.status),
                "carried": carried.carried,
                "from": month_name(carried.month),
                "age": carried.age_in_months(v.month),
            }
        rows.append(
            {
                "month": v.month,
                "url": hv.month_url(child, v.month, rules.FORM_2B),
                "visit": v,
                "status": status,
                # Grams gained since last month, signed, as the KMS reads it (+300 / -200).
                "gain_g": None if v.weight_gain_g is None else f"{v.weight_gain_g:+d}",
                "cells": [_cell(getattr(v, f)) for f, _n, _l in CHILD_COLUMNS],
            }
        )
    rows.reverse()
    paud = list(PaudRecord.objects.alive().filter(child=child).order_by("-month"))
    measured = [v for v in visits if v.measured]
    return {
        "columns": CHILD_COLUMNS,
        "rows": rows,
        "paud": paud,
        "charts": [
            reverse("growth_chart", kwargs={"pk": child.pk, "indicator": i})
            for i in chart_indicators(child, measured)
        ]
        if measured
        else [],
    }


# --------------------------------------------------------------------------------------------
# KPM activity


HISTORY_MODELS = (
    (PregnancyVisit, "monthly"),
    (ChildVisit, "monthly"),
    (PaudRecord, "monthly"),
    (Household, "register"),
    (Mother, "register"),
    (Pregnancy, "register"),
    (Child, "register"),
)


@login_required
def kpm_activity(request: HttpRequest) -> HttpResponse:
    """Who recorded what in a month: per user, records created and edited (audit tables)."""
    village = hv.village_for(request)
    month, month_notice = month_and_notice(request.GET.get("bulan"))
    tz = timezone.get_current_timezone()
    start = datetime.combine(month, time.min, tzinfo=tz)
    end = datetime.combine(month_end(month) + timedelta(days=1), time.min, tzinfo=tz)
    people = {
        u.pk: {
            "user": u,
            "monthly_new": 0,
            "monthly_edit": 0,
            "register_new": 0,
            "register_edit": 0,
            "last": None,
        }
        for u in scoped_users(request.user)
        .filter(region=village, role__in=(Role.KPM, Role.VILLAGE_ADMIN))
        .order_by("role", "first_name")
    }
    for model, group in HISTORY_MODELS:
        rows = (
            model.history.filter(
                village_id=village.code,
                history_date__gte=start,
                history_date__lt=end,
                history_user__in=list(people),
                history_type__in=("+", "~"),
            )
            .values("history_user", "history_type")
            .annotate(n=Count("id", distinct=True))
            .order_by()
        )
        for r in rows:
            kind = "new" if r["history_type"] == "+" else "edit"
            people[r["history_user"]][f"{group}_{kind}"] += r["n"]
        last_seen = (
            model.history.filter(
                village_id=village.code,
                history_date__gte=start,
                history_date__lt=end,
                history_user__in=list(people),
            )
            .values("history_user")
            .annotate(last=Max("history_date"))
            .order_by()
        )
        for r in last_seen:
            person = people[r["history_user"]]
            if person["last"] is None or r["last"] > person["last"]:
                person["last"] = r["last"]
    ctx = {
        "village": village,
        "month": month,
        "month_label": month_name(month),
        "month_notice": month_notice,
        "months": month_choices(month),
        "people": list(people.values()),
        "desa_param": "" if request.user.is_village_user else village.code,
    }
    return render(request, "monitoring/kpm_activity.html", ctx)


# --------------------------------------------------------------------------------------------
# Formulir 1

RECAP_LABELS = {
    "households": gettext_lazy("1,000-HPK households"),
    "households_vulnerable": gettext_lazy("Vulnerable households"),
    "pregnancies": gettext_lazy("Pregnant women"),
    "pregnancies_risk": gettext_lazy("Pregnant women at high risk or with KEK"),
    "children": gettext_lazy("Children 0-23 months"),
    "gizi_kurang": gettext_lazy("Children wasted (gizi kurang)"),
    "gizi_buruk": gettext_lazy("Children severely wasted (gizi buruk)"),
    "stunting": gettext_lazy("Children with signs of stunting"),
    "status_unjudged": gettext_lazy(
        "Children whose status cannot be judged (value outside WHO plausible limits, measure again)"
    ),
    "no_safe_water": gettext_lazy("Households without safe drinking water"),
    "no_safe_water_unknown": gettext_lazy("Households: safe drinking water not asked yet"),
    "no_latrine": gettext_lazy("Households without a proper latrine"),
    "no_latrine_unknown": gettext_lazy("Households: latrine not asked yet"),
    "pregnancies_uninsured": gettext_lazy("Pregnant women without health insurance"),
    "pregnancies_uninsured_unknown": gettext_lazy("Pregnant women: health insurance not asked yet"),
    "children_uninsured": gettext_lazy("Children without health insurance"),
    "children_uninsured_unknown": gettext_lazy("Children: health insurance not asked yet"),
    "no_birth_certificate": gettext_lazy("Children without a birth certificate"),
    "no_birth_certificate_unknown": gettext_lazy("Children: birth certificate not asked yet"),
}


@login_required
def formulir1(request: HttpRequest, year: int) -> HttpResponse:
    village = hv.village_for(request)
    today = timezone.localdate()
    if year > today.year or year < 2000:
        raise Http404
    on = today if year == today.year else date(year, 12, 31)
    vy = (
        scoped(VillageYear.objects.alive(), request.user).filter(village=village, year=year).first()
    )
    matrix = f1.empty_service_matrix() | (vy.service_matrix if vy else {})
    counts = f1.empty_facility_counts() | (vy.facility_counts if vy else {})
    editable = request.user.role == Role.VILLAGE_ADMIN and request.user.region_id == village.code
    errors: list[str] = []
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        matrix = {
            p: {q: request.POST.get(f"m-{p}-{q}") == "1" for q in f1.QUESTIONS}
            for p, _l in f1.PROVIDERS
        }
        counts, errors = _read_counts(request.POST, counts)
        if not errors:
            _save_village_year(vy, village, year, matrix, counts, request.user)
            messages.success(request, _("Formulir 1 %(year)s is saved.") % {"year": year})
            return redirect(reverse("formulir1", kwargs={"year": year}))
    ctx = {
        "village": village,
        "year": year,
        "on": on,
        "years": list(range(today.year, today.year - 5, -1)),
        "recap": [(RECAP_LABELS[c], n) for c, n in queries.formulir1_recap(village.code, on)],
        "providers": [
            {
                "code": p,
                "label": label,
                "groups": [
                    {
                        "label": g_label,
                        "questions": [
                            {"code": q, "label": q_label, "on": matrix.get(p, {}).get(q, False)}
                            for q, q_label in qs
                        ],
                    }
                    for _g, g_label, qs in f1.SERVICE_GROUPS
                ],
            }
            for p, label in f1.PROVIDERS
        ],
        "facilities": [
            {"code": c, "label": label, "value": counts.get(c, 0)} for c, label in f1.FACILITY_KINDS
        ],
        "editable": editable,
        "errors": errors,
        "saved": vy,
        "desa_param": "" if request.user.is_village_user else village.code,
    }
    return render(request, "monitoring/formulir1.html", ctx)


def _read_counts(post, previous: dict) -> tuple[dict, list[str]]:
    counts, errors = {}, []
    for code, label in f1.FACILITY_KINDS:
        raw = (post.get(f"f-{code}") or "0").strip()
        if raw.isdigit():
            counts[code] = int(raw)
        else:
            counts[code] = raw
            errors.append(
                _("%(what)s: write a whole number, 0 or more (not “%(raw)s”).")
                % {"what": label, "raw": raw}
            )
    return counts, errors


def _save_village_year(vy, village, year, matrix, counts, user) -> None:
    vy = vy or VillageYear(village=village, year=year, created_by=user)
    vy.service_matrix = matrix
    vy.facility_counts = counts
    vy.full_clean(validate_unique=False, validate_constraints=False)
    vy._history_user = user
    try:
        with transaction.atomic():
            vy.save()
    except IntegrityError:
        # A second tab or a double tap saved this desa's first Formulir 1 of the year a moment
        # ago (villageyear_one_per_year): this save updates that row instead.
        vy = VillageYear.objects.alive().get(village=village, year=year)
        vy.service_matrix = matrix
        vy.facility_counts = counts
        vy._history_user = user
        vy.save()
