"""The desa scorecard (Formulir 4) and the Formulir 3a / 3b recap as JSON under /api/scorecards/.

The scorecard is `tikar.scorecard.report.scorecard_data` printed by `report.to_json`: the very
bytes of `manage.py scorecard --format json` and of the page's `?format=json`, so a client
that reads one reads all three. Percentages are strings with two decimals ("87.50") or null,
as report.py explains.

Who sees which desa is `tikar.accounts.scope`: a village user their own desa, an officer every
desa of their area, anything else a 404 (never a 403 that would confirm the desa has data).
The serializers below only describe the documents for the OpenAPI schema; the views do not
run them.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.views import APIView

from tikar.accounts.scope import scoped, scoped_regions
from tikar.households.models import Child, Pregnancy
from tikar.regions.models import Level, Region
from tikar.scorecard import report
from tikar.scorecard.models import CHAR_CELL, UNKNOWN_CHAR, QuarterResult
from tikar.scorecard.refresh import ensure_fresh
from tikar.scorecard.rules import CHILD, INDICATORS, PAUD, PREGNANCY, STAGE_LABELS
from tikar.scorecard.views import quarter_or_404

JSON = "application/json; charset=utf-8"
FORMS = {PREGNANCY: "3a", CHILD: "3b", PAUD: "3b"}  # PAUD is the last column group of 3b


# --------------------------------------------------------------------------------------------
# Documentation of the two documents (OpenAPI only)


def _percent_field() -> serializers.CharField:
    return serializers.CharField(
        allow_null=True,
        help_text=_('Two decimals as a string ("87.50"), rounded half up; null when the '
                    "denominator is 0."),
    )  # fmt: skip


class RegionRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class HeaderSerializer(serializers.Serializer):
    regency = RegionRefSerializer(allow_null=True)
    district = RegionRefSerializer(allow_null=True)
    village = RegionRefSerializer()
    year = serializers.IntegerField()
    quarter = serializers.IntegerField(min_value=1, max_value=4)
    quarter_roman = serializers.CharField()


class ValidatedSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    by = serializers.CharField(allow_null=True)


class TargetsSerializer(serializers.Serializer):
    households = serializers.IntegerField()
    pregnancies = serializers.IntegerField()
    pregnancies_kek_or_risti = serializers.IntegerField()
    pregnancies_kek = serializers.IntegerField()
    pregnancies_risti = serializers.IntegerField()
    children = serializers.IntegerField()
    gizi_kurang = serializers.IntegerField()
    gizi_buruk = serializers.IntegerField()
    stunting = serializers.IntegerField()
    status_unjudged = serializers.IntegerField(
        help_text=_(
            "Children whose latest measurement has a WHO implausible-value flag: their status "
            "cannot be judged, so they are counted neither as normal nor as stunted or wasted."
        )
    )


class GrowthMatSerializer(serializers.Serializer):
    hijau = serializers.IntegerField()
    kuning = serializers.IntegerField()
    merah = serializers.IntegerField()
    tidak_diukur = serializers.IntegerField()


class IndicatorLineSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    code = serializers.CharField()
    text = serializers.CharField()
    received = serializers.IntegerField()
    not_applicable = serializers.IntegerField()
    targets = serializers.IntegerField()
    denominator = serializers.IntegerField()
    percent = _percent_field()
    fathers = serializers.IntegerField(
        required=False, help_text=_("Children's line 'parent counselling' only: fathers.")
    )


class IndicatorLinesSerializer(serializers.Serializer):
    pregnancy = IndicatorLineSerializer(many=True)
    child = IndicatorLineSerializer(many=True)
    paud = IndicatorLineSerializer(many=True)


class ConvergenceSerializer(serializers.Serializer):
    received = serializers.IntegerField()
    expected = serializers.IntegerField()
    percent = _percent_field()


class ConvergenceTableSerializer(serializers.Serializer):
    pregnancy = ConvergenceSerializer()
    child = ConvergenceSerializer()
    total = ConvergenceSerializer()


class DanaDesaLineSerializer(serializers.Serializer):
    total = serializers.IntegerField(allow_null=True)
    stunting = serializers.IntegerField(allow_null=True)
    percent = _percent_field()


class DanaDesaSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    applies = serializers.BooleanField(
        help_text=_("False for a kelurahan: it receives no Dana Desa, so table 5 does not apply.")
    )
    entered = serializers.BooleanField()
    development = DanaDesaLineSerializer()
    empowerment = DanaDesaLineSerializer()


class ProvisionalSerializer(serializers.Serializer):
    """The keys that say a running quarter's figures are provisional (issue 8 §4)."""

    provisional = serializers.BooleanField(
        help_text=_(
            "True while the quarter is running: the figures cover only its months up to "
            "evaluated_through and can change; it cannot be validated yet."
        )
    )
    evaluated_through = serializers.CharField(
        allow_null=True, help_text=_("YYYY-MM: the last month counted, or null.")
    )
    provisional_note = serializers.CharField(allow_null=True)


class ScorecardSerializer(ProvisionalSerializer):
    header = HeaderSerializer()
    ruleset = serializers.CharField(allow_null=True)
    validated = ValidatedSerializer(allow_null=True)
    table1_targets = TargetsSerializer()
    table2_growth_mat = GrowthMatSerializer()
    table3_indicators = IndicatorLinesSerializer()
    table4_convergence = ConvergenceTableSerializer()
    table5_dana_desa = DanaDesaSerializer()


class IndicatorSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    code = serializers.CharField()
    text = serializers.CharField()


class RecapRowSerializer(serializers.Serializer):
    target_type = serializers.ChoiceField(choices=[PREGNANCY, CHILD])
    target_id = serializers.UUIDField()
    name = serializers.CharField()
    detail = serializers.CharField(
        help_text=_("No KIA of a pregnancy; sex and birth date of a child.")
    )
    stage = serializers.CharField()
    stage_label = serializers.CharField()
    age_months = serializers.IntegerField(allow_null=True)
    cells = serializers.ListField(
        child=serializers.ChoiceField(choices=["Y", "T", "TS"]),
        help_text=_("One value per indicator, in the order of `indicators`."),
    )
    received = serializers.IntegerField()
    expected = serializers.IntegerField()
    percent = _percent_field()
    months_attending = serializers.IntegerField(allow_null=True)
    months_enrolled = serializers.IntegerField(allow_null=True)
    data_problem = serializers.BooleanField(
        help_text=_(
            "True when a T comes from a question not answered or from data that cannot be "
            "evaluated; the explanation page says what to correct."
        )
    )


class RecapGroupSerializer(serializers.Serializer):
    form = serializers.CharField()
    indicators = IndicatorSerializer(many=True)
    rows = RecapRowSerializer(many=True)
    lines = IndicatorLineSerializer(many=True)


class RecapGroupsSerializer(serializers.Serializer):
    pregnancy = RecapGroupSerializer()
    child = RecapGroupSerializer()
    paud = RecapGroupSerializer()


class RecapSerializer(ProvisionalSerializer):
    header = HeaderSerializer()
    ruleset = serializers.CharField(allow_null=True)
    validated = ValidatedSerializer(allow_null=True)
    groups = RecapGroupsSerializer()


NOT_FOUND = OpenApiResponse(
    description=_("Not a desa of the user's area, or a quarter that has not started.")
)


# --------------------------------------------------------------------------------------------
# Views


def _village(request: Request, village_code: str, year: int, quarter: int) -> Region:
    """The desa if the user may read it and the quarter has started; else 404."""
    quarter_or_404(year, quarter)
    village = scoped_regions(request.user).filter(code=village_code, level=Level.VILLAGE).first()
    if village is None:
        raise Http404
    # A dirty or never computed quarter is recomputed first, as the page and the command do.
    ensure_fresh(village.code, year, quarter)
    return village


def _json(data: dict[str, Any]) -> HttpResponse:
    return HttpResponse(report.to_json(data), content_type=JSON)


class ScorecardView(APIView):
    @extend_schema(
        operation_id="scorecard_retrieve",
        summary=_("A desa's scorecard (Formulir 4) for a quarter"),
        description=_(
            "Tables 1-5 of Formulir 4, the same document as `manage.py scorecard --format "
            "json`. Counts and rupiah are integers; percentages are strings with two decimals "
            "or null."
        ),
        responses={200: ScorecardSerializer, 404: NOT_FOUND},
    )
    def get(self, request: Request, village_code: str, year: int, quarter: int) -> HttpResponse:
        village = _village(request, village_code, year, quarter)
        return _json(report.scorecard_data(village, year, quarter))


def _names(rows: list[QuarterResult]) -> dict[str, tuple[str, str]]:
    """Name and detail of every row's target: two queries, whatever the number of rows."""
    preg_ids = [r.target_id for r in rows if r.target_type == PREGNANCY]
    child_ids = [r.target_id for r in rows if r.target_type == CHILD]
    names: dict[str, tuple[str, str]] = {}
    for pk, name, kia in Pregnancy.objects.filter(pk__in=preg_ids).values_list(
        "pk", "mother__name", "kia_number"
    ):
        names[str(pk)] = (name, kia)
    for c in Child.objects.filter(pk__in=child_ids).only("pk", "name", "sex", "birth_date"):
        names[str(c.pk)] = (c.name, f"{c.get_sex_display()}, {c.birth_date:%d-%m-%Y}")
    return names


def _row(r: QuarterResult, names: dict[str, tuple[str, str]]) -> dict[str, Any]:
    name, detail = names.get(str(r.target_id), ("?", ""))
    return {
        "target_type": r.target_type,
        "target_id": str(r.target_id),
        "name": name,
        "detail": detail,
        "stage": r.stage,
        "stage_label": STAGE_LABELS.get(r.stage, r.stage),
        "age_months": r.age_months,
        "cells": [CHAR_CELL[ch] for ch in r.cells],
        "received": r.received,
        "expected": r.expected,
        "percent": report.pct(r.percent),
        "months_attending": r.months_attending,
        "months_enrolled": r.months_enrolled,
        "data_problem": UNKNOWN_CHAR in r.cells,
    }


class RecapView(APIView):
    @extend_schema(
        operation_id="scorecard_recap_retrieve",
        summary=_("A desa's Formulir 3a / 3b recap for a quarter"),
        description=_(
            "One row per target with Y / T / TS per indicator, received, expected and %, "
            "and per group the indicator totals of Formulir 4 table 3. Rows are sorted by name."
        ),
        responses={200: RecapSerializer, 404: NOT_FOUND},
    )
    def get(self, request: Request, village_code: str, year: int, quarter: int) -> HttpResponse:
        village = _village(request, village_code, year, quarter)
        rows = list(
            scoped(QuarterResult.objects, request.user).filter(
                village=village, year=year, quarter=quarter
            )
        )
        names = _names(rows)
        # Header, rule set, validation and the indicator totals exactly as on the scorecard.
        scorecard = report.scorecard_data(village, year, quarter)
        groups = {}
        for group in (PREGNANCY, CHILD, PAUD):
            lines = [_row(r, names) for r in rows if r.group == group]
            groups[group] = {
                "form": FORMS[group],
                "indicators": [
                    {"number": i.number, "code": i.code, "text": i.text} for i in INDICATORS[group]
                ],
                "rows": sorted(lines, key=lambda x: (x["name"].lower(), x["target_id"])),
                "lines": scorecard["table3_indicators"][group],
            }
        return _json(
            {
                "provisional": scorecard["provisional"],
                "evaluated_through": scorecard["evaluated_through"],
                "provisional_note": scorecard["provisional_note"],
                "header": scorecard["header"],
                "ruleset": scorecard["ruleset"],
                "validated": scorecard["validated"],
                "groups": groups,
            }
        )
