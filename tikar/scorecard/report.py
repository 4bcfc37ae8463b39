"""Formulir 4 (and the totals of 3a / 3b) read from the stored results, aggregated in SQL.

`scorecard_data()` is the one description of a desa's scorecard: the page renders it, the
`?format=json` response and `manage.py scorecard --format json` print it, and `scorecard_xlsx()`
lays it out as a worksheet. Everything is a COUNT / SUM over `QuarterResult` rows, never a
Python loop over people.

JSON numbers: counts and rupiah are JSON integers; percentages are STRINGS with exactly two
decimals ("87.50"), rounded half up by the engine, or null when the denominator is 0. A string
keeps the two decimals the form prints (a JSON number 87.5 would lose one) and never passes
through a binary float.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from io import BytesIO
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Substr

from tikar import clock
from tikar.calendar import month_name
from tikar.exports import protect_workbook
from tikar.regions.models import Region
from tikar.scorecard.evaluate import percent
from tikar.scorecard.models import ROMAN, DanaDesa, QuarterLock, QuarterResult
from tikar.scorecard.period import evaluated_through, provisional_note
from tikar.scorecard.rules import CHILD, INDICATORS, PAUD, PREGNANCY

GROUPS = (PREGNANCY, CHILD, PAUD)


def to_json(data: dict[str, Any]) -> str:
    """The scorecard as printed by the page's ?format=json and by `manage.py scorecard`."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def pct(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def provisional_info(year: int, quarter: int, today: date | None = None) -> dict[str, Any]:
    """Whether a quarter's figures are provisional (it is still running), and up to when.

    {"provisional": bool, "evaluated_through": "YYYY-MM" | None, "note": Indonesian label |
    None}: the keys every JSON / XLSX / CSV carries and every page shows (issue 8 §4).
    """
    through = evaluated_through(year, quarter, today or clock.today())
    return {
        "provisional": through is not None,
        "evaluated_through": f"{through:%Y-%m}" if through else None,
        "note": provisional_note(through) if through else None,
        "month_label": month_name(through) if through else None,
    }


def quarter_rows(village_code: str, year: int, quarter: int) -> QuerySet[QuarterResult]:
    return QuarterResult.objects.filter(village_id=village_code, year=year, quarter=quarter)


def indicator_lines(rows: QuerySet[QuarterResult], group: str) -> list[dict[str, Any]]:
    """Table 3 for one group: per indicator Y, TS, targets, denominator and %, in one query.

    Character i of `cells` is indicator i ("S" = TS); the filters compare SUBSTR(cells, i, 1).
    """
    indicators = INDICATORS[group]
    qs = rows.filter(group=group).annotate(
        **{f"c{i}": Substr("cells", i, 1) for i in range(1, len(indicators) + 1)}
    )
    aggregates: dict[str, Any] = {"n": Count("pk")}
    for i in range(1, len(indicators) + 1):
        aggregates[f"y{i}"] = Count("pk", filter=Q(**{f"c{i}": "Y"}))
        aggregates[f"s{i}"] = Count("pk", filter=Q(**{f"c{i}": "S"}))
    if group == CHILD:
        aggregates["fathers"] = Count("pk", filter=Q(father_attended=True))
    totals = qs.aggregate(**aggregates)
    n = totals["n"]
    lines = []
    for i, ind in enumerate(indicators, start=1):
        y, s = totals[f"y{i}"], totals[f"s{i}"]
        line = {
            "number": ind.number,
            "code": ind.code,
            "text": ind.text,
            "received": y,
            "not_applicable": s,
            "targets": n,
            "denominator": n - s,
            "percent": pct(percent(y, n - s)),
        }
        if group == CHILD and ind.code == "parent_counselling":
            line["fathers"] = totals["fathers"]
        lines.append(line)
    return lines


def _region(code: str | None) -> dict[str, str] | None:
    if not code:
        return None
    region = Region.objects.filter(code=code).first()
    return {"code": code, "name": region.full_name if region else code}


def dana_desa_data(village_code: str, year: int) -> dict[str, Any]:
    """Table 5. `applies` is False for a kelurahan (code's 10th character "1"): it receives no
    Dana Desa (its lines are the dana kelurahan and the city's APBD), so table 5 does not apply
    and nothing is read."""
    if len(village_code) == 13 and village_code[9] == "1":
        empty = {"total": None, "stunting": None, "percent": None}
        return {"year": year, "applies": False, "entered": False,
                "development": dict(empty), "empowerment": dict(empty)}  # fmt: skip
    dd = DanaDesa.objects.filter(village_id=village_code, year=year).first()

    def field(total, stunting) -> dict[str, Any]:
        if dd is None:
            return {"total": None, "stunting": None, "percent": None}
        return {
            "total": int(total),
            "stunting": int(stunting),
            "percent": pct(percent(int(stunting), int(total))),
        }

    return {
        "year": year,
        "applies": True,
        "entered": dd is not None,
        "development": field(dd and dd.development_total, dd and dd.development_stunting),
        "empowerment": field(dd and dd.empowerment_total, dd and dd.empowerment_stunting),
    }


def scorecard_data(village: Region, year: int, quarter: int) -> dict[str, Any]:
    """Formulir 4 of a desa's quarter from its stored results (call ensure_fresh first)."""
    rows = quarter_rows(village.code, year, quarter)
    per_group = {
        g["group"]: g
        for g in rows.values("group").annotate(
            n=Count("pk"),
            received=Sum("received"),
            expected=Sum("expected"),
            kek=Count("pk", filter=Q(risk_status="kek")),
            risti=Count("pk", filter=Q(risk_status="risti")),
            stunting=Count("pk", filter=Q(is_stunting=True)),
            gizi_buruk=Count("pk", filter=Q(is_gizi_buruk=True)),
            gizi_kurang=Count("pk", filter=Q(is_gizi_kurang=True)),
            unjudged=Count("pk", filter=Q(is_unjudged=True)),
            hijau=Count("pk", filter=Q(growth_mat="hijau")),
            kuning=Count("pk", filter=Q(growth_mat="kuning")),
            merah=Count("pk", filter=Q(growth_mat="merah")),
            tidak_diukur=Count("pk", filter=Q(growth_mat="tidak_diukur")),
        )
    }
    empty = {"n": 0, "received": 0, "expected": 0}
    ibu = per_group.get(PREGNANCY, empty | {"kek": 0, "risti": 0})
    child_counts = ("stunting", "gizi_buruk", "gizi_kurang", "unjudged", "hijau", "kuning",
                    "merah", "tidak_diukur")  # fmt: skip
    anak = per_group.get(CHILD, empty | dict.fromkeys(child_counts, 0))
    # Table 1's households: distinct over both groups' targets (PAUD is not a 1.000 HPK target).
    households = rows.filter(group__in=(PREGNANCY, CHILD)).aggregate(
        n=Count("household_id", distinct=True)
    )["n"]

    def convergence(received: int, expected: int) -> dict[str, Any]:
        return {
            "received": received or 0,
            "expected": expected or 0,
            "percent": pct(percent(received or 0, expected or 0)),
        }

    # Table 4's total pools the cells of both groups; it is not the mean of the two %.
    total_received = (ibu["received"] or 0) + (anak["received"] or 0)
    total_expected = (ibu["expected"] or 0) + (anak["expected"] or 0)
    lock = (
        QuarterLock.objects.filter(
            village=village, year=year, quarter=quarter, locked_at__isnull=False
        )
        .select_related("locked_by")
        .first()
    )
    ruleset = rows.exclude(ruleset_name="").values_list("ruleset_name", flat=True).first()
    code = village.code
    period = provisional_info(year, quarter)
    return {
        # A running quarter covers only its elapsed months: provisional, and said so.
        "provisional": period["provisional"],
        "evaluated_through": period["evaluated_through"],
        "provisional_note": period["note"],
        "header": {
            "regency": _region(code[:5]),
            "district": _region(code[:8]),
            "village": {"code": code, "name": village.full_name},
            "year": year,
            "quarter": quarter,
            "quarter_roman": ROMAN[quarter],
        },
        "ruleset": ruleset,
        "validated": (
            {
                "at": lock.locked_at.isoformat(),
                "by": lock.locked_by.display_name if lock.locked_by else None,
            }
            if lock
            else None
        ),
        "table1_targets": {
            "households": households,
            "pregnancies": ibu["n"],
            "pregnancies_kek_or_risti": ibu["kek"] + ibu["risti"],
            "pregnancies_kek": ibu["kek"],
            "pregnancies_risti": ibu["risti"],
            "children": anak["n"],
            "gizi_kurang": anak["gizi_kurang"],
            "gizi_buruk": anak["gizi_buruk"],
            "stunting": anak["stunting"],
            # Latest measurement flagged by WHO's plausibility checks: neither normal nor
            # stunted / wasted, so the three counts above leave them out and say how many.
            "status_unjudged": anak["unjudged"],
        },
        "table2_growth_mat": {
            "hijau": anak["hijau"],
            "kuning": anak["kuning"],
            "merah": anak["merah"],
            "tidak_diukur": anak["tidak_diukur"],
        },
        "table3_indicators": {g: indicator_lines(rows, g) for g in GROUPS},
        "table4_convergence": {
            PREGNANCY: convergence(ibu["received"], ibu["expected"]),
            CHILD: convergence(anak["received"], anak["expected"]),
            "total": convergence(total_received, total_expected),
        },
        "table5_dana_desa": dana_desa_data(code, year),
    }


# --------------------------------------------------------------------------------------------
# XLSX in the layout of the printed Formulir 4

TITLE = "SCORECARD KONVERGENSI DESA (FORMULIR 4)"
TABLE_TITLES = (
    "1. JUMLAH SASARAN 1.000 HPK",
    "2. HASIL PENGUKURAN TIKAR PERTUMBUHAN",
    "3. KELENGKAPAN KONVERGENSI PAKET LAYANAN",
    "4. TINGKAT KONVERGENSI DESA",
    "5. PENGGUNAAN DANA DESA UNTUK PENCEGAHAN STUNTING",
)
GROUP_TITLES = {
    PREGNANCY: "Ibu hamil",
    CHILD: "Anak 0-23 bulan",
    PAUD: "Anak 2-6 tahun",
}


def _pct_cell(value: str | None) -> Decimal | str:
    # A real number in the sheet (so it can be summed or charted), shown with two decimals.
    return Decimal(value) if value is not None else "-"


def scorecard_xlsx(data: dict[str, Any]) -> bytes:
    """The scorecard as one worksheet in the order and wording of the printed form."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    wb = Workbook()
    ws = wb.active
    ws.title = "Formulir 4"
    bold = Font(bold=True)
    thin = Side(style="thin", color="999999")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_fill = PatternFill("solid", fgColor="E6F2EE")
    wrap = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 62
    for col in "CDEF":
        ws.column_dimensions[col].width = 14

    def put_row(values: list, *, header: bool = False, pct_cols: tuple[int, ...] = ()) -> int:
        ws.append(values)
        r = ws.max_row
        for i, _v in enumerate(values, start=1):
            cell = ws.cell(row=r, column=i)
            cell.border = box
            cell.alignment = wrap
            if header:
                cell.font = bold
                cell.fill = head_fill
            if i in pct_cols and isinstance(cell.value, Decimal):
                cell.number_format = "0.00"
        return r

    def title(text: str) -> None:
        ws.append([])
        ws.append([text])
        ws.cell(row=ws.max_row, column=1).font = bold

    h = data["header"]
    ws.append([TITLE])
    ws.cell(row=1, column=1).font = Font(bold=True, size=13)
    for label, value in (
        ("Kabupaten/Kota", h["regency"]["name"] if h["regency"] else ""),
        ("Kecamatan", h["district"]["name"] if h["district"] else ""),
        ("Desa", f"{h['village']['name']} ({h['village']['code']})"),
        ("Tahun", h["year"]),
        ("Kuartal", h["quarter_roman"]),
        *((("Status", data["provisional_note"]),) if data.get("provisional") else ()),
    ):
        ws.append([label, value])
        ws.cell(row=ws.max_row, column=1).font = bold
        ws.merge_cells(start_row=ws.max_row, start_column=2, end_row=ws.max_row, end_column=4)

    t1 = data["table1_targets"]
    title(TABLE_TITLES[0])
    put_row(["No", "Sasaran", "Jumlah"], header=True)
    for no, (label, value) in enumerate(
        (
            ("Rumah tangga 1.000 HPK", t1["households"]),
            ("Ibu hamil", t1["pregnancies"]),
            ("   - Ibu hamil KEK/Risti", t1["pregnancies_kek_or_risti"]),
            ("Anak 0-23 bulan", t1["children"]),
            ("   - Gizi kurang", t1["gizi_kurang"]),
            ("   - Gizi buruk", t1["gizi_buruk"]),
            ("   - Stunting", t1["stunting"]),
            (
                "   - Status gizi tidak dapat dinilai (nilai di luar batas wajar WHO)",
                t1.get("status_unjudged", 0),
            ),
        ),
        start=1,
    ):
        put_row([no, label, value])

    t2 = data["table2_growth_mat"]
    title(TABLE_TITLES[1])
    put_row(["No", "Hasil pengukuran tikar pertumbuhan (anak 0-23 bulan)", "Jumlah"], header=True)
    for no, (label, value) in enumerate(
        (
            ("Hijau (normal)", t2["hijau"]),
            ("Kuning (risiko stunting)", t2["kuning"]),
            ("Merah (terindikasi stunting)", t2["merah"]),
        ),
        start=1,
    ):
        put_row([no, label, value])

    title(TABLE_TITLES[2])
    for group in GROUPS:
        put_row(["No", f"Indikator: {GROUP_TITLES[group]}", "Jumlah (Y)", "Sasaran - TS", "%",
                 "Laki" if group == CHILD else ""], header=True)  # fmt: skip
        for line in data["table3_indicators"][group]:
            put_row(
                [line["number"], line["text"], line["received"], line["denominator"],
                 _pct_cell(line["percent"]), line.get("fathers", "")],
                pct_cols=(5,),
            )  # fmt: skip

    t4 = data["table4_convergence"]
    title(TABLE_TITLES[3])
    put_row(["No", "Sasaran", "Diterima", "Seharusnya", "%"], header=True)
    for no, (label, key) in enumerate(
        (("Ibu hamil", PREGNANCY), ("Anak 0-23 bulan", CHILD), ("Total", "total")), start=1
    ):
        line = t4[key]
        put_row([no, label, line["received"], line["expected"], _pct_cell(line["percent"])],
                pct_cols=(5,))  # fmt: skip

    t5 = data["table5_dana_desa"]
    title(TABLE_TITLES[4])
    if not t5.get("applies", True):
        put_row(["Tidak berlaku untuk kelurahan: kelurahan tidak menerima Dana Desa (anggarannya "
                 "dana kelurahan dan APBD kabupaten/kota)."])  # fmt: skip
    else:
        put_row(["No", f"Bidang (Dana Desa {t5['year']})", "Total alokasi (Rp)",
                 "Alokasi stunting (Rp)", "%"], header=True)  # fmt: skip
        for no, (label, key) in enumerate(
            (("Bidang Pembangunan Desa", "development"),
             ("Bidang Pemberdayaan Masyarakat Desa", "empowerment")),
            start=1,
        ):  # fmt: skip
            line = t5[key]
            r = put_row(
                [no, label, line["total"] if line["total"] is not None else "-",
                 line["stunting"] if line["stunting"] is not None else "-",
                 _pct_cell(line["percent"])],
                pct_cols=(5,),
            )  # fmt: skip
            for col in (3, 4):
                ws.cell(row=r, column=col).number_format = "#,##0"

    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToHeight = 0
    out = BytesIO()
    protect_workbook(wb)  # desa and region names are typed by people: never run as formulas
    wb.save(out)
    return out.getvalue()
