"""The gaps from the scorecard (/rembuk/celah/), the input of the Rembuk Stunting Desa, and the
targets not served behind each gap (/rembuk/celah/sasaran/).

The desa is the user's own, or for an officer `?desa=<code>` inside their area (another desa:
404). The quarter is `?kuartal=YYYY-Q` (repeatable: several quarters are pooled), else the
desa's latest validated quarter, else the latest completed one ("belum divalidasi"). A value
that names no usable quarter answers 400 with the reason in Bahasa Indonesia. docs/rembuk.md
("Gaps from the scorecard") gives every rule and its source.
"""

from __future__ import annotations

import re
from io import BytesIO
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from tikar import clock
from tikar.accounts.scope import scoped
from tikar.calendar import Quarter, previous_quarter, year_quarter
from tikar.exports import protect_workbook
from tikar.households import views as hv
from tikar.meetings import gap_queries as gq
from tikar.meetings import gaps
from tikar.meetings.models import ServicePackage
from tikar.regions.models import Region
from tikar.scorecard.models import ROMAN, Group, QuarterResult
from tikar.scorecard.period import is_provisional
from tikar.scorecard.rules import INDICATORS
from tikar.scorecard.views import quarter_label

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PICKER_QUARTERS = 8  # quarters offered by the picker, the running one first
MAX_PARAM = 100  # longest dusun / posyandu value read from the query string
# A posyandu id: ASCII digits only (str.isdigit and \d accept "١" and "²"), at most 18.
ASCII_ID = re.compile(r"[1-9][0-9]{0,17}")


def short_label(q: Quarter) -> str:
    return f"{ROMAN[q[1]]} {q[0]}"


def _quarter_error(exc: gaps.QuarterError) -> str:
    messages = {
        "malformed": _(
            "“%(value)s” is not a quarter. Write the year and the quarter, for example 2026-2."
        ),
        "year": _("“%(value)s”: there are no scorecard results before 2000."),
        "future": _("“%(value)s” has not started yet: choose a quarter that has begun."),
        "too_many": _("Choose at most %(max)s quarters at once."),
    }
    return messages[exc.code] % {"value": exc.value, "max": gaps.MAX_QUARTERS}


def _desa_pairs(request: HttpRequest, village: Region) -> list[tuple[str, str]]:
    return [] if request.user.is_village_user else [("desa", village.code)]


def _query(pairs: list[tuple[str, str]]) -> str:
    return "?" + urlencode(pairs) if pairs else ""


class Chosen:
    """The quarters a page is about, read from `?kuartal=`, and how they were chosen."""

    def __init__(self, request: HttpRequest, village: Region) -> None:
        today = clock.today()
        self.today = today
        # QuarterError propagates: the caller answers 400 with its message.
        self.quarters = gaps.parse_quarters(request.GET.getlist("kuartal"), today)
        self.is_default = not self.quarters
        self.default_validated = False
        if self.is_default:
            q, self.default_validated = gq.default_quarter(village.code, today)
            self.quarters = [q]
        self.latest = self.quarters[-1]
        self.trend = gaps.trend_quarters(self.latest)
        self.all = sorted(set(self.quarters) | set(self.trend))

    def params(self) -> list[tuple[str, str]]:
        return [("kuartal", gaps.quarter_param(q)) for q in self.quarters]


def _bad_request(request: HttpRequest, village: Region, message: str) -> HttpResponse:
    ctx = {
        "village": village,
        "message": message,
        "back": reverse("meeting_gaps") + _query(_desa_pairs(request, village)),
        "picker": _picker(request, village, []),
    }
    return render(request, "meetings/gaps_bad_request.html", ctx, status=400)


def _picker(request: HttpRequest, village: Region, chosen: list[Quarter]) -> dict:
    """The quarter checkboxes: the running quarter and the 7 before, validated ones marked."""
    q = year_quarter(clock.today())
    offered = []
    for _i in range(PICKER_QUARTERS):
        offered.append(q)
        q = previous_quarter(*q)
    locked = gq.quarter_statuses(village.code, offered)
    return {
        "quarters": [
            {
                "value": gaps.quarter_param(x),
                "label": short_label(x),
                "checked": x in chosen,
                "validated": x in locked,
                "running": is_provisional(x[0], x[1], clock.today()),
            }
            for x in offered
        ],
        "desa": "" if request.user.is_village_user else village.code,
    }


def _proposal_url(request: HttpRequest, key: str) -> str | None:
    """The proposal form for this gap (village users only: officers read)."""
    if not request.user.is_village_user:
        return None
    try:
        base = reverse("proposal_new", kwargs={"year": clock.today().year})
    except NoReverseMatch:
        return None
    return f"{base}?{urlencode({'indikator': key})}"


GROUP_LABELS = dict(Group.choices)


def _trend_point(p: gaps.TrendPoint) -> dict[str, Any]:
    return {"label": short_label(p.quarter), "percent": p.percent, "arrow": p.arrow}


def _line_dict(line: gaps.GapLine, targets_url: str, names: dict[str, str] | None = None,
               by: str | None = None) -> dict[str, Any]:  # fmt: skip
    ind = INDICATORS[line.group][line.number - 1]
    place = None
    if by == "dusun":
        place = line.where or _("Without dusun")
    elif by == "posyandu":
        place = (names or {}).get(line.where or "", "") or _("Without posyandu")
    c = line.counts
    return {
        "key": line.key,
        "group": line.group,
        "group_label": str(GROUP_LABELS[line.group]),
        "number": line.number,
        "text": ind.text,
        "package": line.package,
        "package_label": str(ServicePackage(line.package).label),
        "place": place,
        "received": c.received,
        "targets": c.targets,
        "not_applicable": c.not_applicable,
        "denominator": c.denominator,
        "not_served": c.not_served,
        "percent": c.percent,
        "trend": [_trend_point(p) for p in line.trend],
        "targets_url": targets_url if c.not_served else None,
    }


def gap_page_data(request: HttpRequest, village: Region, chosen: Chosen) -> dict[str, Any]:
    """Everything the page, its print and its XLSX show."""
    rows = scoped(QuarterResult.objects, request.user).filter(village=village)
    gq.make_fresh(village.code, chosen.all)
    table = gq.count_table(rows, chosen.all)
    names = gq.posyandu_names(village.code)
    base_pairs = chosen.params() + _desa_pairs(request, village)
    list_url = reverse("meeting_gap_targets")

    def targets_url(line: gaps.GapLine, extra: list[tuple[str, str]]) -> str:
        return f"{list_url}?{urlencode([('indikator', line.key), *base_pairs, *extra])}"

    lines = gaps.build_lines(table, gq.INDICATOR_LIST, chosen.quarters, chosen.trend)
    by_dusun: dict[str, list] = {}
    for line in gaps.build_lines(table, gq.INDICATOR_LIST, chosen.quarters, chosen.trend,
                                 by="dusun"):  # fmt: skip
        url = targets_url(line, [("dusun", line.where or "")])
        by_dusun.setdefault(line.key, []).append(_line_dict(line, url, by="dusun"))
    by_posyandu: dict[str, list] = {}
    for line in gaps.build_lines(table, gq.INDICATOR_LIST, chosen.quarters, chosen.trend,
                                 by="posyandu"):  # fmt: skip
        url = targets_url(line, [("posyandu", line.where or gq.NO_POSYANDU_PARAM)])
        by_posyandu.setdefault(line.key, []).append(_line_dict(line, url, names, by="posyandu"))
    out_lines = []
    for line in lines:
        d = _line_dict(line, targets_url(line, []))
        d["by_dusun"] = by_dusun.get(line.key, [])
        d["by_posyandu"] = by_posyandu.get(line.key, [])
        d["proposal_url"] = _proposal_url(request, line.key) if line.counts.not_served else None
        out_lines.append(d)
    locked = gq.quarter_statuses(village.code, chosen.quarters)
    statuses = [
        {
            "label": quarter_label(*q),
            "validated_at": locked.get(q),
            "running": is_provisional(q[0], q[1], chosen.today),
        }
        for q in chosen.quarters
    ]
    newer = None
    if chosen.is_default and chosen.default_validated:
        last_done = gaps.last_completed(chosen.today)
        if last_done > chosen.latest:
            newer = {
                "label": quarter_label(*last_done),
                "url": reverse("meeting_gaps")
                + _query([("kuartal", gaps.quarter_param(last_done)),
                          *_desa_pairs(request, village)]),
            }  # fmt: skip
    return {
        "village": village,
        "lines": out_lines,
        "statuses": statuses,
        "pooled": len(chosen.quarters) > 1,
        "is_default": chosen.is_default,
        "newer": newer,
        "trend_labels": [short_label(q) for q in chosen.trend],
        "empty": all(line.counts.targets == 0 for line in lines),
        "title_quarters": ", ".join(short_label(q) for q in chosen.quarters),
    }


@login_required
@require_safe
def gaps_page(request: HttpRequest) -> HttpResponse:
    village = hv.village_for(request)
    try:
        chosen = Chosen(request, village)
    except gaps.QuarterError as exc:
        return _bad_request(request, village, _quarter_error(exc))
    fmt = request.GET.get("format", "")
    if fmt not in ("", "xlsx"):
        raise Http404
    data = gap_page_data(request, village, chosen)
    if fmt == "xlsx":
        response = HttpResponse(gaps_xlsx(data), content_type=XLSX)
        name = f"celah-{village.code}-{'_'.join(gaps.quarter_param(q) for q in chosen.quarters)}"
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
    desa = _desa_pairs(request, village)
    ctx = data | {
        "picker": _picker(request, village, chosen.quarters),
        "xlsx_url": reverse("meeting_gaps") + _query([*chosen.params(), *desa, ("format", "xlsx")]),
        "desa_query": _query(desa),
    }
    return render(request, "meetings/gaps.html", ctx)


@login_required
@require_safe
def gap_targets(request: HttpRequest) -> HttpResponse:
    """The targets not served behind one gap line: `?indikator=<group>:<code>`, the quarters,
    optionally `dusun=<text>` or `posyandu=<id>|none`."""
    village = hv.village_for(request)
    try:
        chosen = Chosen(request, village)
    except gaps.QuarterError as exc:
        return _bad_request(request, village, _quarter_error(exc))
    parsed = gaps.parse_indicator_key(request.GET.get("indikator", ""))
    if parsed is None:
        return _bad_request(request, village, _("Choose an indicator from the list of gaps."))
    group, code = parsed
    dusun = request.GET.get("dusun")
    posyandu = request.GET.get("posyandu")
    if dusun is not None and posyandu is not None:
        return _bad_request(request, village, _("Choose a dusun or a posyandu, not both."))
    if dusun is not None and len(dusun) > MAX_PARAM:
        return _bad_request(request, village, _("This dusun or posyandu is not in the list."))
    names = gq.posyandu_names(village.code)
    posyandu_key = None
    if posyandu is not None:
        # Only "none" or the id of one of this desa's posyandu: another desa's id, an unknown
        # id or non-ASCII digits are refused, never read as "without posyandu".
        if posyandu == gq.NO_POSYANDU_PARAM:
            posyandu_key = gq.NO_POSYANDU
        elif ASCII_ID.fullmatch(posyandu) and posyandu in names:
            posyandu_key = posyandu
        else:
            message = _("This posyandu is not registered in %(village)s.")
            return _bad_request(request, village, message % {"village": village.full_name})
    gq.make_fresh(village.code, chosen.quarters)
    rows = scoped(QuarterResult.objects, request.user).filter(village=village)
    found = gq.not_served_rows(rows, chosen.quarters, group, code, dusun=dusun,
                               posyandu=posyandu_key)  # fmt: skip
    who = gq.target_names(found)
    desa = _desa_pairs(request, village)
    targets: dict[str, dict[str, Any]] = {}
    for r in found:
        tid = str(r["target_id"])
        info = who.get(tid, {"name": "?", "detail": ""})
        t = targets.setdefault(tid, {
            "name": info["name"],
            "detail": info["detail"],
            "dusun": r["dusun"] or _("Without dusun"),
            "posyandu": names.get(r["posyandu_key"] or "", "") or _("Without posyandu"),
            "quarters": [],
            "unknown": False,
            "target_url": reverse("target", kwargs={"pk": tid})
            if request.user.is_village_user else None,
        })  # fmt: skip
        t["quarters"].append(
            {
                "label": short_label((r["year"], r["quarter"])),
                "why_url": reverse("recap_target", kwargs={
                    "year": r["year"], "quarter": r["quarter"], "group": group, "pk": tid,
                }) + _query(desa),
            }
        )  # fmt: skip
        t["unknown"] = t["unknown"] or r["cell"] == "?"
    ind, _i = gq.indicator(group, code)
    place = None
    unknown_dusun = False
    if dusun is not None:
        place = _("Dusun: %(name)s") % {"name": dusun or _("Without dusun")}
        # An unknown dusun has legitimately nobody not served, but the page says why.
        unknown_dusun = bool(dusun) and not found and not gq.dusun_registered(village.code, dusun)
    elif posyandu_key is not None:
        place = _("Posyandu: %(name)s") % {
            "name": names.get(posyandu_key, "") or _("Without posyandu")
        }
    ctx = {
        "village": village,
        "indicator": ind,
        "group_label": GROUP_LABELS[group],
        "package_label": ServicePackage(gaps.PACKAGE_OF[(group, code)]).label,
        "place": place,
        "unknown_dusun": unknown_dusun,
        "targets": sorted(targets.values(), key=lambda t: (t["dusun"], t["name"].lower())),
        "count": len(found),
        "any_unknown": any(t["unknown"] for t in targets.values()),
        "title_quarters": ", ".join(short_label(q) for q in chosen.quarters),
        "pooled": len(chosen.quarters) > 1,
        "back": reverse("meeting_gaps") + _query([*chosen.params(), *desa]),
        "proposal_url": _proposal_url(request, gaps.indicator_key(group, code)),
    }
    return render(request, "meetings/gaps_targets.html", ctx)


# --------------------------------------------------------------------------------------------
# XLSX


def gaps_xlsx(data: dict[str, Any]) -> bytes:
    """The page as a workbook: the gaps of the desa, then by dusun and by posyandu."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    bold = Font(bold=True)
    head = [_("Group"), _("No"), _("Indicator"), _("Service package"), _("Y"),
            _("Targets − TS"), "%", _("Not served"), *data["trend_labels"]]  # fmt: skip

    def sheet(ws, title: str, lines: list[dict], place: str | None) -> None:
        ws.append([title])
        ws.cell(row=1, column=1).font = Font(bold=True, size=13)
        ws.append([str(data["village"].kind_label), data["village"].full_name])
        ws.append([_("Quarter"), data["title_quarters"]])
        ws.append([])
        ws.append(([place] if place else []) + head)
        for c in ws[ws.max_row]:
            c.font = bold
        for line in lines:
            ws.append(
                ([line["place"]] if place else [])
                + [line["group_label"], line["number"], line["text"], line["package"],
                   line["received"], line["denominator"], line["percent"], line["not_served"]]
                + [p["percent"] for p in line["trend"]]
            )  # fmt: skip
        ws.column_dimensions["C" if not place else "D"].width = 60

    ws = wb.active
    ws.title = "Celah"
    sheet(ws, _("Gaps from the scorecard"), data["lines"], None)
    sheet(wb.create_sheet("Dusun"), _("Gaps by dusun"),
          [d for line in data["lines"] for d in line["by_dusun"]], _("Dusun"))  # fmt: skip
    sheet(wb.create_sheet("Posyandu"), _("Gaps by posyandu"),
          [d for line in data["lines"] for d in line["by_posyandu"]], _("Posyandu"))  # fmt: skip
    out = BytesIO()
    protect_workbook(wb)  # dusun and posyandu names are typed by people
    wb.save(out)
    return out.getvalue()
