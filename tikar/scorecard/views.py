"""Quarterly screens: Formulir 3a / 3b recap, Formulir 4 scorecard (page, print, XLSX, JSON),
validating and reopening a quarter, and the kabupaten's choice of standards (the Dana Desa page,
table 5, is tikar.meetings.views_dana_desa: its prefill and policy are the meetings').

Pages read the stored `QuarterResult` rows only and total them in the database; they never
recompute: `refresh.request_fresh` sends a dirty or stale quarter to the worker and the page
says "Sedang diperbarui" and polls until the figures are new (validating still refreshes
inline: validated figures must be current). The desa is the user's own, or for an officer
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
from tikar.calendar import month_name, quarter_months
from tikar.households import views as hv
from tikar.households.models import Child, Pregnancy
from tikar.regions.models import Level, Region
from tikar.scorecard import locks, report
from tikar.scorecard.evaluate import PaudResult
from tikar.scorecard.forms import ReopenForm, RuleChoiceForm
from tikar.scorecard.models import (
    CHAR_CELL,
    ROMAN,
    UNKNOWN_CHAR,
    AncStandard,
    DirtyQuarter,
    PncStandard,
    QuarterLock,
    QuarterResult,
    RuleChoice,
    VillageQuarterTotal,
)
from tikar.scorecard.refresh import (
    current_quarter,
    explain_target,
    mark_dirty,
    request_fresh,
)
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


def _poll_url(request: HttpRequest) -> str:
    """The page's own address with ?pending=1: what the "Sedang diperbarui" note polls."""
    query = request.GET.copy()
    query["pending"] = "1"
    return f"{request.path}?{query.urlencode()}"


def _pending_poll(request: HttpRequest, village_code: str, year: int, quarter: int):
    """The note's poll: the note again while the quarter waits for the worker, else
    `HX-Refresh` so htmx reloads the page with the new figures. Never recomputes."""
    if DirtyQuarter.objects.filter(village_id=village_code, year=year, quarter=quarter).exists():
        ctx = {"pending": 1, "poll_url": _poll_url(request)}
        return render(request, "scorecard/_pending.html", ctx)
    response = HttpResponse("")
    response["HX-Refresh"] = "true"
    return response


@login_required
def recap(request: HttpRequest, year: int, quarter: int) -> HttpResponse:
    year, quarter = quarter_or_404(year, quarter)
    village = hv.village_for(request)
    if request.GET.get("pending"):
        return _pending_poll(request, village.code, year, quarter)
    pending = request_fresh(village.code, year, quarter)
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
        "pending": int(pending),
        "poll_url": _poll_url(request),
    }
    return render(request, "scorecard/recap.html", ctx)


@login_required
def recap_target(request: HttpRequest, year: int, quarter: int, group: str, pk) -> HttpResponse:
    """Why each Y / T / TS: the target recomputed with the engine, its months and rules."""
    year, quarter = quarter_or_404(year, quarter)
    if group not in (PREGNANCY, CHILD, PAUD):
        raise Http404
    village = hv.village_for(request)
    request_fresh(village.code, year, quarter)
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
                "months": [month_name(m) for m in result.months],
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
                    "months": [month_name(m) for m in cell.months],
                }
            )
    if target_url:
        month_links = [
            {
                "label": month_name(m),
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
    if request.GET.get("pending"):
        return _pending_poll(request, village.code, year, quarter)
    # Never recomputed here: a stale quarter goes to the worker, the page shows what is stored.
    pending = request_fresh(village.code, year, quarter)
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
        "pending": int(pending),
        "poll_url": _poll_url(request),
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
    """Every stored desa quarter of the kabupaten and year is marked dirty, and the worker is
    asked once to recompute them all (one row per desa quarter: the totals' pregnancy row)."""
    from tikar.scorecard.tasks import request_refresh

    # The code range of rollup.under (a FK allows no startswith): the totals' area index.
    stored = VillageQuarterTotal.objects.filter(
        village_id__gte=regency_code + ".",
        village_id__lt=regency_code + "/",
        year=year,
        group=PREGNANCY,
    ).values_list("village_id", "quarter")
    by_village: dict[str, list[tuple[int, int]]] = {}
    for code, quarter in stored:
        by_village.setdefault(code, []).append((year, quarter))
    for code, quarters in by_village.items():
        mark_dirty(code, quarters, request=False)
    if by_village:
        request_refresh(on_commit=True)
