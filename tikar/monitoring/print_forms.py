"""What each printed row of Formulir 2a / 2b / 2c says (A4 landscape, filled or blank).

The filled form prints exactly the month's Excel export (`tikar.monitoring.form_rows.ROWS`, the
same targets, order and values): this module only picks and formats its columns for paper.
Each printed column names the export column it reads, so a change of the export's order can
never shift a value into the wrong printed column (a missing title fails loudly, KeyError).

Blank forms are for paper backup: `kosong=1` pre-prints the desa's targets of the month
(`monitoring.queries.tasks_for_month`, as "Tugas bulan ini") with their register facts only
(No Register KIA, name, sex, birth date / HPL) and SPARE_ROWS empty rows; `kosong=2` is a
sheet of FULLY_BLANK_ROWS empty rows without any name (for a new KPM).

The caller has already decided that the user may see the desa (through the scope).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import gettext_lazy as _

from tikar import calendar
from tikar.accounts.models import Role, User
from tikar.calendar import MONTHS_ID, add_months
from tikar.households.models import Child, Pregnancy
from tikar.monitoring import form_rows, rules
from tikar.monitoring.queries import tasks_for_month
from tikar.regions.models import Posyandu, Region

FORMS = ("2a", "2b", "2c")
SPARE_ROWS = 8  # kosong=1: room for new targets met during the month
FULLY_BLANK_ROWS = {"2a": 10, "2b": 10, "2c": 14}  # kosong=2: one A4 landscape page each
FILLED, BLANK, FULLY_BLANK = "", "1", "2"  # the values of ?kosong=

# Kinds of printed cell: how it is written and how wide/tall it is on paper.
TEXT, CODE, NAME, NUM, DATE, MARK = "text", "code", "name", "num", "date", "mark"


@dataclass(frozen=True, slots=True)
class PrintColumn:
    """One printed column: its heading, the export column it reads, how it is written."""

    label: Any  # lazy translated heading
    source: str  # the title in form_rows.COLUMNS[form]
    kind: str = TEXT
    number: int | None = None  # the official indicator number, for the numbered columns
    register: bool = False  # pre-printed on the blank form (a register fact, not a monthly value)
    width: int = 10  # mm on A4 landscape (281 mm between the margins); the CSS class w-<width>


def _ind(number: int, label: Any, source: str, width: int = 10) -> PrintColumn:
    return PrintColumn(label, source, MARK, number, width=width)


COLUMNS: dict[str, tuple[PrintColumn, ...]] = {
    # forms.md "Formulir 2a": identity, pregnancy facts, then the eight indicators in order.
    "2a": (
        PrintColumn(_("Register number (KIA)"), "No Register KIA", CODE, register=True, width=17),
        PrintColumn(_("Name of the mother"), "Nama ibu", NAME, register=True, width=37),
        PrintColumn(_("Pregnancy status (Normal / Risti / KEK)"), "Status kehamilan", width=14),
        PrintColumn(_("Due date (HPL)"), "HPL", DATE, register=True, width=16),
        PrintColumn(_("Gestational age (months)"), "Usia kehamilan (bulan)", NUM, width=11),
        PrintColumn(_("Date of delivery"), "Tanggal melahirkan", DATE, width=16),
        _ind(1, _("Antenatal check-up"), "1. Pemeriksaan kehamilan", 12),
        _ind(2, _("Received and took iron tablets (Fe)"), "2. Dapat & konsumsi pil Fe", 12),
        PrintColumn(_("Fe tablets (number)"), "Jumlah tablet Fe", NUM, width=11),
        _ind(3, _("Postnatal check-up"), "3. Pemeriksaan nifas", 12),
        PrintColumn(_("Postnatal checks (number)"), "Jumlah pemeriksaan nifas", NUM, width=11),
        _ind(
            4,
            _("Nutrition counselling / pregnancy class"),
            "4. Konseling gizi / kelas ibu hamil",
            12,
        ),
        _ind(5, _("Home visit by the bidan/KPM"), "5. Kunjungan rumah", 12),
        _ind(6, _("Household has clean water"), "6. Kepemilikan akses air bersih", 12),
        _ind(7, _("Household has a latrine"), "7. Kepemilikan jamban", 12),
        _ind(8, _("Has health insurance"), "8. Jaminan kesehatan", 12),
        PrintColumn(_("Arm circumference, MUAC (cm)"), "LiLA (cm)", NUM, width=10),
        PrintColumn(_("Date of the visit"), "Tanggal kunjungan", DATE, width=16),
    ),
    # forms.md "Formulir 2b": identity, measurement, status gizi, then the indicators.
    "2b": (
        PrintColumn(_("Register number (KIA)"), "No Register KIA", CODE, register=True, width=16),
        PrintColumn(_("Name of the child"), "Nama anak", NAME, register=True, width=24),
        PrintColumn(_("Sex (L/P)"), "Jenis kelamin", TEXT, register=True, width=7),
        PrintColumn(_("Age in months"), "Umur (bulan)", NUM, width=8),
        PrintColumn(_("Weight, BB (kg)"), "BB (kg)", NUM, width=8),
        PrintColumn(_("Length/height, PB/TB (cm)"), "PB/TB (cm)", NUM, width=9),
        PrintColumn(_("Measured lying or standing"), "Cara ukur", width=17),
        PrintColumn(_("Head circumference, LK (cm)"), "LK (cm)", NUM, width=8),
        PrintColumn(_("Arm circumference, MUAC (cm)"), "LiLA (cm)", NUM, width=8),
        PrintColumn(_("Growth mat result"), "Hasil tikar pertumbuhan", width=12),
        PrintColumn(_("Status gizi (nutritional status)"), "Status gizi", width=19),
        _ind(1, _("Basic immunisation due for the age"), "1. Imunisasi dasar sesuai umur"),
        _ind(2, _("Measles/MR immunisation"), "2. Imunisasi campak/MR"),
        _ind(3, _("Weighed this month"), "3. Penimbangan berat badan"),
        _ind(4, _("Length/height measured this month"), "4. Pengukuran panjang/tinggi badan"),
        _ind(5, _("Nutrition counselling of the mother"), "5. Konseling gizi ibu"),
        _ind(6, _("Nutrition counselling of the father"), "6. Konseling gizi ayah"),
        _ind(7, _("Home visit by the bidan/KPM"), "7. Kunjungan rumah"),
        _ind(8, _("Household has clean water"), "8. Kepemilikan akses air bersih"),
        _ind(9, _("Household has a latrine"), "9. Kepemilikan jamban"),
        _ind(10, _("Has a birth certificate"), "10. Akta lahir"),
        _ind(11, _("Has health insurance"), "11. Jaminan kesehatan"),
        _ind(12, _("Parenting class (BKB)"), "12. Kelas pengasuhan (BKB)"),
        PrintColumn(_("Date of the visit"), "Tanggal kunjungan", DATE, width=16),
    ),
    # forms.md "Formulir 2c": per child and month, Belum / Mengikuti / Tidak mengikuti.
    "2c": (
        PrintColumn(_("Register number (KIA)"), "No Register KIA", CODE, register=True, width=24),
        PrintColumn(_("Name of the child"), "Nama anak", NAME, register=True, width=60),
        PrintColumn(_("Sex (L/P)"), "Jenis kelamin", TEXT, register=True, width=14),
        PrintColumn(_("Date of birth"), "Tanggal lahir", DATE, register=True, width=24),
        PrintColumn(_("Age in months"), "Umur (bulan)", NUM, width=16),
        PrintColumn(_("Age group"), "Kelompok umur", width=26),
        PrintColumn(_("PAUD (Belum / Mengikuti / Tidak mengikuti)"), "Status PAUD", width=50),
    ),
}

TITLES = {
    "2a": _("Formulir 2a: monthly monitoring of pregnant women"),
    "2b": _("Formulir 2b: monthly monitoring of children 0-23 months"),
    "2c": _("Formulir 2c: monthly PAUD participation of children 2-6 years"),
}


class MonthRefused(ValueError):
    """`?bulan=` cannot be printed; the message says why (translated)."""


@dataclass(slots=True)
class Cell:
    text: str = ""
    kind: str = TEXT
    mark: bool | None = None  # MARK cells: True = ✓, False = ✗, None = empty box
    note: str = ""  # a second, smaller line (the birth date under a name on a blank form)


@dataclass(slots=True)
class PrintedForm:
    form: str
    title: Any
    columns: tuple[PrintColumn, ...]
    rows: list[list[Cell]]
    month: date | None  # None on the fully blank sheet
    kind: str  # FILLED | BLANK | FULLY_BLANK
    header: dict[str, str] = field(default_factory=dict)
    filled_count: int = 0  # rows holding a target (the rest are spare rows)


def parse_month(value: str | None, today: date, kind: str) -> date:
    """`?bulan=YYYY-MM` → the 1st of that month; empty → this month.

    Refused (MonthRefused): anything not YYYY-MM with a month 1-12, a month before
    calendar.EARLIEST_MONTH, and a month after this one, except next month on the blank form (its
    paper is printed before the posyandu day).
    """
    current = today.replace(day=1)
    latest = add_months(current, 1) if kind == BLANK else current
    try:
        month = calendar.parse_month(value, latest=latest)
    except calendar.PeriodError as exc:
        if exc.code == "too_early":
            raise MonthRefused(_("Choose a month from January 2000 on.")) from None
        if exc.code == "future":
            raise MonthRefused(
                _("That month has not started yet: choose this month or an earlier one.")
            ) from None
        raise MonthRefused(_("Write the month as YYYY-MM, for example 2026-04.")) from None
    return current if month is None else month


def _date(value: Any) -> str:
    return value.strftime("%d/%m/%Y") if isinstance(value, date) else ""


def _number(value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        return rules._g(value)
    return str(value)


def _cell(column: PrintColumn, value: Any) -> Cell:
    if column.kind == MARK:
        mark = {"Ya": True, "Tidak": False}.get(value)
        return Cell("", MARK, mark)
    if column.kind == DATE:
        return Cell(_date(value), DATE)
    if column.kind == NUM:
        return Cell(_number(value), NUM)
    return Cell("" if value is None else str(value), column.kind)


def filled_rows(village: Region, form: str, month: date) -> list[list[Cell]]:
    """The export's rows of the month, as printed cells in COLUMNS[form]'s order."""
    titles = form_rows.COLUMNS[form][1:]  # the export's rows start after "No"
    index = {title: i for i, title in enumerate(titles)}
    picks = [(column, index[column.source]) for column in COLUMNS[form]]
    return [
        [_cell(column, values[i]) for column, i in picks]
        for values in form_rows.ROWS[form](village, month)
    ]


def _register_values(target: Pregnancy | Child, form: str) -> dict[str, Any]:
    if form == rules.FORM_2A:
        return {
            "No Register KIA": target.kia_number,
            "Nama ibu": target.mother.name,
            "HPL": target.due_date,
        }
    return {
        "No Register KIA": target.kia_number,
        "Nama anak": target.name,
        "Jenis kelamin": target.sex,
        "Tanggal lahir": target.birth_date,
    }


def blank_rows(village: Region, form: str, month: date) -> list[list[Cell]]:
    """The month's targets on `form` with their register facts only, in the export's order."""
    targets = [t.target for t in tasks_for_month(village.code, month) if t.form == form]
    if form == rules.FORM_2A:
        targets.sort(key=lambda p: (p.kia_number or "~", p.mother.name))
    else:
        targets.sort(key=lambda ch: ch.name)
    rows = []
    for target in targets:
        values = _register_values(target, form)
        row = []
        for column in COLUMNS[form]:
            if not column.register:
                row.append(Cell("", column.kind))
                continue
            cell = _cell(column, values.get(column.source))
            if column.kind == NAME and form == rules.FORM_2B:
                # Formulir 2b has no birth date column, but the age is counted from it.
                cell.note = _date(target.birth_date)
            row.append(cell)
        rows.append(row)
    return rows


def empty_row(form: str) -> list[Cell]:
    return [Cell("", column.kind) for column in COLUMNS[form]]


def header(village: Region, month: date | None) -> dict[str, str]:
    """Kabupaten, Kecamatan, Desa, Bulan, Tahun, Nama KPM and posyandu of the printed form.

    Nama KPM: the desa's active KPM accounts; posyandu: its active posyandu (a desa with
    several prints them all: the form covers the desa's whole month).
    """
    ancestors = {r.level: r for r in village.ancestors()}
    kpm = User.objects.filter(role=Role.KPM, region=village, is_active=True).order_by(
        "first_name", "username"
    )
    posyandu = Posyandu.objects.filter(village=village, active=True).order_by("name")
    return {
        "kabupaten": ancestors[2].name if 2 in ancestors else "",
        "kecamatan": ancestors[3].name if 3 in ancestors else "",
        "desa": village.name,
        "bulan": MONTHS_ID[month.month - 1] if month else "",
        "tahun": str(month.year) if month else "",
        "kpm": ", ".join(u.display_name for u in kpm) if month else "",
        "posyandu": ", ".join(p.name for p in posyandu) if month else "",
    }


def build(village: Region, form: str, month: date, kind: str) -> PrintedForm:
    """The printed Formulir `form` of `village`: filled for `month`, or blank (see module)."""
    if kind == FILLED:
        rows = filled_rows(village, form, month)
        count = len(rows)
    elif kind == BLANK:
        rows = blank_rows(village, form, month)
        count = len(rows)
        rows += [empty_row(form) for _i in range(SPARE_ROWS)]
    else:
        rows = [empty_row(form) for _i in range(FULLY_BLANK_ROWS[form])]
        count = 0
    shown_month = None if kind == FULLY_BLANK else month
    return PrintedForm(
        form=form,
        title=TITLES[form],
        columns=COLUMNS[form],
        rows=rows,
        month=shown_month,
        kind=kind,
        header=header(village, shown_month),
        filled_count=count,
    )
