"""Quarterly screens: Formulir 3a / 3b recap, Formulir 4 scorecard (page, print, XLSX, JSON),
validating and reopening a quarter, Dana Desa, and the kabupaten's choice of standards.

Pages read the stored `QuarterResult` rows only (after `ensure_fresh`, which recomputes a dirty
quarter) and total them in the database. The desa is the user's own, or for an officer
`?desa=<code>` inside their area; anything else is a 404, never a 403 that confirms it exists.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tikar import clock
from tikar.accounts.models import Role
from tikar.accounts.scope import scoped
from tikar.households import views as hv
from tikar.households.models import Child, Pregnancy
from tikar.monitoring.rules import month_label
from tikar.regions.models import Level, Region
from tikar.scorecard import locks, report
from tikar.scorecard.evaluate import PaudResult, quarter_months
from tikar.scorecard.forms import DanaDesaForm, ReopenForm, RuleChoiceForm
from tikar.scorecard.models import (
    CHAR_CELL,
    ROMAN,
    UNKNOWN_CHAR,
    AncStandard,
    DanaDesa,
    PncStandard,
    QuarterLock,
    QuarterResult,
    RuleChoice,
)
from tikar.scorecard.refresh import current_quarter, ensure_fresh, explain_target, mark_dirty
from tikar.scorecard.rules import (
    CHILD,
    INDICATORS,
    PAUD,
    PREGNANCY,
    STAGE_LABELS,
    ruleset_by_name,
)

QUARTERS_BACK = 8  # how many quarters the switcher lists
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# --------------------------------------------------------------------------------------------
# Shared look-ups


def quarter_or_404(year: int, quarter: int) -> tuple[int, int]:
    """A quarter that has started (I-IV of 2000 onwards, not in the future); else 404."""
    if quarter not in (1, 2, 3, 4) or year < 2000 or (year, quarter) > current_quarter():
        raise Http404
    return year, quarter


def desa_query(request: HttpRequest, village: Region) -> str:
    return "" if request.user.is_village_user else f"?desa={village.code}"


def quarter_choices(year: int, quarter: int) -> list[dict]:
    out = []
    y, q = current_quarter()
    for i in range(QUARTERS_BACK):
        out.append({"year": y, "quarter": q, "label": f"{ROMAN[q]} {y}",
                    "selected": (y, q) == (year, quarter),
                    "provisional": i == 0})  # the running quarter  # fmt: skip
        y, q = (y - 1, 4) if q == 1 else (y, q - 1)
    return out


def quarter_label(year: int, quarter: int) -> str:
    return _("Quarter %(quarter)s %(year)s") % {"quarter": ROMAN[quarter], "year": year}


def is_village_admin_of(user, village: Region) -> bool:
    return user.role == Role.VILLAGE_ADMIN and user.region_id == village.code


# --------------------------------------------------------------------------------------------
# Formulir 3a / 3b


def _names(rows: list[QuarterResult]) -> dict[str, dict]:
    """Display names of the rows' targets: two queries, whatever the number of rows."""
    preg_ids = [r.target_id for r in rows if r.target_type == PREGNANCY]
    child_ids = [r.target_id for r in rows if r.target_type == CHILD]
    names: dict[str, dict] = {}
    for p in Pregnancy.objects.filter(pk__in=preg_ids).select_related("mother"):
        names[str(p.pk)] = {"name": p.mother.name, "detail": p.kia_number}
    for c in Child.objects.filter(pk__in=child_ids):
        names[str(c.pk)] = {
            "name": c.name,
            "detail": f"{c.get_sex_display()}, {c.birth_date:%d-%m-%Y}",
        }
    return names


def _recap_rows(rows: list[QuarterResult], names: dict) -> list[dict]:
    out = []
    for r in rows:
        info = names.get(str(r.target_id), {"name": "?", "detail": ""})
        out.append(
            {
                "row": r,
                "name": info["name"],
                "detail": info["detail"],
                "stage": STAGE_LABELS.get(r.stage, r.stage),
                "cells": [
                    {"value": CHAR_CELL[ch], "number": i} for i, ch in enumerate(r.cells, start=1)
                ],
                "percent": report.pct(r.percent),
            }
        )
    return sorted(out, key=lambda x: x["name"].lower())


_FORM_OF_GROUP = {PREGNANCY: "3a", CHILD: "3b", PAUD: "2c"}


def data_problems(rows: list[QuarterResult], names: dict) -> list[dict]:
    """The quarter's targets with a data problem, for Formulir 3 and 4 (issue 8, section 2).

    A stored cell "?" is a T that comes from an unanswered question or from data the engine
    could not evaluate (see scorecard.models.UNKNOWN_CHAR); each links to its explanation.
    """
    out = []
    for r in rows:
        if UNKNOWN_CHAR not in r.cells:
            continue
        out.append(
            {
                "group": r.group,
                "target_id": r.target_id,
                "name": names.get(str(r.target_id), {"name": "?"})["name"],
                "form": _("Formulir %(form)s") % {"form": _FORM_OF_GROUP[r.group]},
                "stage": STAGE_LABELS.get(r.stage, r.stage),
            }
        )
    return sorted(out, key=lambda p: p["name"].lower())


@login_required
def recap(request: HttpRequest, year: int, quarter: int) -> HttpResponse:
    year, quarter = quarter_or_404(year, quarter)
    village = hv.village_for(request)
    ensure_fresh(village.code, year, quarter)
    rows = list(
        scoped(QuarterResult.objects, request.user).filter(
            village=village, year=year, quarter=quarter
        )
    )
    names = _names(rows)
    stored = report.quarter_rows(village.code, year, quarter)
    groups = []
    for group, title, form in (
        (PREGNANCY, _("Formulir 3a: pregnant women"), "3a"),
        (CHILD, _("Formulir 3b: children 0-23 months"), "3b"),
    ):
        group_rows = [r for r in rows if r.group == group]
        groups.append(
            {
                "group": group,
                "form": form,
                "title": title,
                "indicators": INDICATORS[group],
                "rows": _recap_rows(group_rows, names),
                "lines": report.indicator_lines(stored, group),
            }
        )
    paud_rows = _recap_rows([r for r in rows if r.group == PAUD], names)
    ctx = {
        "village": village,
        "year": year,
        "quarter": quarter,
        "label": quarter_label(year, quarter),
        "quarters": quarter_choices(year, quarter),
        "groups": groups,
        "paud_rows": paud_rows,
        "data_problems": data_problems(rows, names),
        "desa_query": desa_query(request, village),
        "locked": locks.is_locked(village.code, year, quarter),
        "provisional": report.provisional_info(year, quarter),
    }
    return render(request, "scorecard/recap.html", ctx)


@login_required
def recap_target(request: HttpRequest, year: int, quarter: int, group: str, pk) -> HttpResponse:
    """Why each Y / T / TS: the target recomputed with the engine, its months and rules."""
    year, quarter = quarter_or_404(year, quarter)
    if group not in (PREGNANCY, CHILD, PAUD):
        raise Http404
    village = hv.village_for(request)
    ensure_fresh(village.code, year, quarter)
    qs = QuarterResult.objects.filter(
        village=village, year=year, quarter=quarter, group=group, target_id=pk
    )
    row = scoped(qs, request.user).first()
    if row is None:
        raise Http404
    result = explain_target(row)
    name = _names([row]).get(str(pk), {"name": "?", "detail": ""})
    month_links = None
    target_url = None
    if request.user.is_village_user:
        target_url = reverse("target", kwargs={"pk": pk})
    cells = []
    if isinstance(result, PaudResult):
        cells.append(
            {
                "number": 1,
                "text": INDICATORS[PAUD][0].text,
                "value": result.value,
                "unknown": result.has_problem,
                "explanation": result.explanation,
                "rule": "",
                "months": [month_label(m) for m in result.months],
            }
        )
    elif result is not None:
        for cell, ind in zip(result.cells, INDICATORS[group], strict=True):
            cells.append(
                {
                    "number": ind.number,
                    "text": ind.text,
                    "value": cell.value,
                    "unknown": cell.unknown,
                    "explanation": cell.explanation,
                    "rule": cell.rule.description if cell.rule else "",
                    "months": [month_label(m) for m in cell.months],
                }
            )
    if target_url:
        month_links = [
            {
                "label": month_label(m),
                "url": reverse("record_month", kwargs={"pk": pk, "year": m.year, "month": m.month}),
            }
            for m in quarter_months(year, quarter)
            if m <= clock.today()
        ]
    stored = row.values
    differs = result is not None and (
        [c["value"] for c in cells] != (stored if group != PAUD else stored[:1])
    )
    ctx = {
        "village": village,
        "year": year,
        "quarter": quarter,
        "label": quarter_label(year, quarter),
        "row": row,
        "name": name,
        "stage": STAGE_LABELS.get(row.stage, row.stage),
        "cells": cells,
        "percent": report.pct(row.percent),
        "differs": differs,
        "month_links": month_links,
        "target_url": target_url,
        "desa_query": desa_query(request, village),
    }
    return render(request, "scorecard/recap_target.html", ctx)


# --------------------------------------------------------------------------------------------
# Formulir 4


@login_required
def scorecard(request: HttpRequest, year: int, quarter: int) -> HttpResponse:
    year, quarter = quarter_or_404(year, quarter)
    village = hv.village_for(request)
    ensure_fresh(village.code, year, quarter)
    data = report.scorecard_data(village, year, quarter)
    fmt = request.GET.get("format", "")
    if fmt == "json":
        return HttpResponse(report.to_json(data), content_type="application/json; charset=utf-8")
    if fmt == "xlsx":
        response = HttpResponse(report.scorecard_xlsx(data), content_type=XLSX)
        name = f"formulir4-{village.code}-{year}-K{quarter}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    if fmt:
        raise Http404
    lock = QuarterLock.objects.filter(village=village, year=year, quarter=quarter).first()
    reopenings = list(lock.reopenings.select_related("reopened_by")) if lock else []
    problem_rows = list(
        scoped(QuarterResult.objects, request.user).filter(
            village=village, year=year, quarter=quarter, cells__contains=UNKNOWN_CHAR
        )
    )
    ctx = {
        "village": village,
        "year": year,
        "quarter": quarter,
        "label": quarter_label(year, quarter),
        "quarters": quarter_choices(year, quarter),
        "data": data,
        "t1": data["table1_targets"],
        "t2": data["table2_growth_mat"],
        "t3": [
            (_("Pregnant women"), data["table3_indicators"][PREGNANCY], False),
            (_("Children 0-23 months"), data["table3_indicators"][CHILD], True),
            (_("Children 2-6 years"), data["table3_indicators"][PAUD], False),
        ],
        "t4": data["table4_convergence"],
        "t5": data["table5_dana_desa"],
        "t5_rows": [
            (_("Bidang Pembangunan Desa"), data["table5_dana_desa"]["development"]),
            (_("Bidang Pemberdayaan Masyarakat Desa"), data["table5_dana_desa"]["empowerment"]),
        ],
        "ruleset_label": ruleset_label(data["ruleset"]),
        "lock": lock if lock and lock.is_locked else None,
        "reopenings": reopenings,
        "can_validate": is_village_admin_of(request.user, village),
        "provisional": report.provisional_info(year, quarter),
        # Validation opens the day after the quarter ends (locks.ensure_quarter_finished).
        "not_finished": (
            locks.not_finished_message(year, quarter)
            if report.provisional_info(year, quarter)["provisional"]
            else None
        ),
        "reopen_form": ReopenForm(),
        "data_problems": data_problems(problem_rows, _names(problem_rows)),
        "desa_query": desa_query(request, village),
        "amp_desa": desa_query(request, village).replace("?", "&"),
    }
    return render(request, "scorecard/scorecard.html", ctx)


def ruleset_label(name: str | None) -> str:
    """'anc4-pnc3' as the officer chose it: '4 antenatal visits (...); 3 postnatal checks'."""
    if not name:
        return ""
    rules = ruleset_by_name(name)
    return f"{AncStandard(rules.anc_standard).label}; {PncStandard(rules.pnc_standard).label}"


def _admin_village(request: HttpRequest) -> Region:
    village = hv.village_for(request)
    if not is_village_admin_of(request.user, village):
        raise PermissionDenied
    return village


@login_required
@require_POST
def quarter_lock(request: HttpRequest, year: int, quarter: int) -> HttpResponse:
    year, quarter = quarter_or_404(year, quarter)
    village = _admin_village(request)
    if request.POST.get("confirm") != "1":
        # Validation locks the quarter: only the confirming button ("Yes, validate") does it.
        messages.error(
            request,
            _("Nothing was validated: tap “Yes, validate” to confirm the validation."),
        )
        return redirect("scorecard", year=year, quarter=quarter)
    try:
        locks.lock_quarter(village, year, quarter, request.user)
    except ValidationError as exc:  # the quarter is still running
        messages.error(request, " ".join(exc.messages))
        return redirect("scorecard", year=year, quarter=quarter)
    messages.success(
        request,
        _("%(quarter)s is validated. Its monthly records are locked until it is reopened.")
        % {"quarter": quarter_label(year, quarter)},
    )
    return redirect("scorecard", year=year, quarter=quarter)


@login_required
@require_POST
def quarter_reopen(request: HttpRequest, year: int, quarter: int) -> HttpResponse:
    year, quarter = quarter_or_404(year, quarter)
    village = _admin_village(request)
    form = ReopenForm(request.POST)
    if form.is_valid():
        try:
            locks.reopen_quarter(village, year, quarter, request.user, form.cleaned_data["reason"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("%(quarter)s is reopened; its monthly records can be changed again.")
                % {"quarter": quarter_label(year, quarter)},
            )
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("scorecard", year=year, quarter=quarter)


# --------------------------------------------------------------------------------------------
# Dana Desa (table 5) and the kabupaten's standards


def year_or_404(year: int) -> int:
    if year < 2000 or year > timezone.localdate().year:
        raise Http404
    return year


def dana_desa_year_or_404(year: int) -> int:
    """2000 up to next year: next year's APBDes is drafted (and its table 5 prefilled) in the
    current year (issue 11 item 5); later years are a 404."""
    if year < 2000 or year > clock.today().year + 1:
        raise Http404
    return year


def _meeting_proposals(request: HttpRequest, village: Region, year: int) -> list:
    """The proposals of the village's rembuk of `year` (the one that fed the APBDes of year + 1),
    read through the scope."""
    from tikar.meetings.models import Proposal

    return list(
        scoped(Proposal.objects, request.user, "meeting__village").filter(
            meeting__village=village, meeting__year=year
        )
    )


def save_one_per_key(obj, **key) -> None:
    """Save `obj`, a row that is one per `key` (a unique constraint, e.g. desa and year).

    When a second tab or a double tap inserted that row a moment ago, the insert fails on the
    constraint and this save updates the other request's row with `obj`'s values instead of
    answering a 500 (test_first_save_at_once.py).
    """
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError:
        obj.pk = type(obj)._default_manager.get(**key).pk
        obj._state.adding = False
        obj.save(force_update=True)


@login_required
def dana_desa(request: HttpRequest, year: int) -> HttpResponse:
    """Table 5 of a year, with its prefill from the rembuk of year − 1 and the year's Dana Desa
    policy beside the figures; a kelurahan's page says it has no Dana Desa (meetings.terms)."""
    from tikar.meetings import budget, policy
    from tikar.meetings.terms import budget_terms

    year = dana_desa_year_or_404(year)
    village = hv.village_for(request)
    terms = budget_terms(village)
    today = clock.today()
    base = {
        "village": village,
        "year": year,
        "years": list(range(today.year + 1, today.year - 5, -1)),
        "terms": terms,
        "desa_query": desa_query(request, village),
        "scorecard_year": min(year, today.year),
        "scorecard_quarter": current_quarter()[1] if year >= today.year else 4,
        "meeting_year": year - 1,
    }
    if terms.is_kelurahan:
        if request.method not in ("GET", "HEAD"):
            raise Http404  # a kelurahan has no Dana Desa to save
        total, lines = budget.allocated_by_source(
            _meeting_proposals(request, village, year - 1), ("dana_kelurahan", "apbd")
        )
        return render(
            request,
            "scorecard/dana_desa.html",
            {**base, "kelurahan_total": total, "kelurahan_lines": lines},
        )
    instance = scoped(DanaDesa.objects, request.user).filter(village=village, year=year).first()
    editable = is_village_admin_of(request.user, village)
    prefill = budget.table5_prefill(_meeting_proposals(request, village, year - 1))
    prefilled = False
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        form = DanaDesaForm(request.POST, instance=instance, year=year)
        if form.is_valid():
            dd = form.save(commit=False)
            dd.village = village
            dd.year = year
            dd.updated_by = request.user
            dd._history_user = request.user
            save_one_per_key(dd, village=village, year=year)
            messages.success(request, _("Dana Desa %(year)s is saved.") % {"year": year})
            return redirect(reverse("dana_desa", kwargs={"year": year}) + base["desa_query"])
    elif editable and request.GET.get("isi") == "usulan" and not prefill.empty:
        # The button fills the two stunting fields from the proposals; nothing is saved until
        # the village checks them and saves (issue 11 item 5: "the village confirms").
        initial = {
            "development_stunting": prefill.development,
            "empowerment_stunting": prefill.empowerment,
        }
        form = DanaDesaForm(instance=instance, initial=initial, year=year)
        prefilled = True
    else:
        form = DanaDesaForm(instance=instance, year=year)
    if not editable:
        for field in form.fields.values():
            field.disabled = True
    year_policy = policy.policy_for(year)
    checks = []
    if year_policy is not None and instance is not None:
        figures = {
            "ceiling": instance.ceiling,
            "blt": instance.blt,
            "food_security": instance.food_security,
            "operations": instance.operations,
        }
        checks = policy.check(year_policy, figures)
    ctx = {
        **base,
        "form": form,
        "editable": editable,
        "data": report.dana_desa_data(village.code, year),
        "prefill": prefill,
        "prefilled": prefilled,
        "policy": year_policy,
        "checks": checks,
    }
    return render(request, "scorecard/dana_desa.html", ctx)


@login_required
def rule_choice(request: HttpRequest, year: int) -> HttpResponse:
    """The kabupaten/kota officer chooses the antenatal / postnatal standard for a year."""
    year = year_or_404(year)
    user = request.user
    if user.role != Role.REGENCY_OFFICER or not user.has_valid_binding:
        raise Http404
    regency = user.region
    assert regency.level == Level.REGENCY
    instance = RuleChoice.objects.filter(regency=regency, year=year).first()
    form = RuleChoiceForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            choice = form.save(commit=False)
            choice.regency = regency
            choice.year = year
            choice.updated_by = user
            choice._history_user = user
            save_one_per_key(choice, regency=regency, year=year)
            _mark_regency_year_dirty(regency.code, year)
        messages.success(
            request,
            _("The standards for %(year)s are saved; the scorecards of that year are being "
              "recomputed.") % {"year": year},
        )  # fmt: skip
        return redirect("rule_choice", year=year)
    today = timezone.localdate()
    ctx = {
        "regency": regency,
        "year": year,
        "years": list(range(today.year, today.year - 5, -1)),
        "form": form,
    }
    return render(request, "scorecard/rule_choice.html", ctx)


def _mark_regency_year_dirty(regency_code: str, year: int) -> None:
    """Every stored desa quarter of the kabupaten and year is recomputed on its next read."""
    stored = (
        QuarterResult.objects.filter(village__code__startswith=regency_code + ".", year=year)
        .values_list("village_id", "quarter")
        .distinct()
    )
    by_village: dict[str, list[tuple[int, int]]] = {}
    for code, quarter in stored:
        by_village.setdefault(code, []).append((year, quarter))
    for code, quarters in by_village.items():
        mark_dirty(code, quarters)
