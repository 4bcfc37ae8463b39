"""The rows of Formulir 2a / 2b / 2c of one desa and month, in the official column order.

The rows are the month's targets (the same list as "Tugas bulan ini") plus any target that has
a record that month; a target without a record has its identity columns and empty indicators,
which is how the paper form shows a target not yet visited. The caller has already decided that
the user may see this desa. Two files read them: the Excel export
(`tikar.workbooks.exporter.build_export`) and the printed form (`print_forms`), so both show
the same rows; they sit here, below the workbooks app, so that monitoring does not import it
(layers in pyproject.toml [tool.importlinter]).

A newborn's temporary number (the mother's NIK + one digit) is never written: the NIK column
holds `Child.export_nik`, the real NIK or nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from tikar import clock
from tikar.calendar import MONTHS_ID, age_in_months, age_reference_day, month_end
from tikar.households.models import Child, Pregnancy
from tikar.monitoring import labels, rules
from tikar.monitoring.models import ChildVisit, PaudRecord, PregnancyVisit
from tikar.monitoring.queries import tasks_for_month
from tikar.regions.models import Region

COLUMNS = {
    "2a": (
        "No",
        "No Register KIA",
        "Nama ibu",
        "Status kehamilan",
        "HPL",
        "Usia kehamilan (bulan)",
        "Tanggal melahirkan",
        "1. Pemeriksaan kehamilan",
        "2. Dapat & konsumsi pil Fe",
        "Jumlah tablet Fe",
        "3. Pemeriksaan nifas",
        "Jumlah pemeriksaan nifas",
        "4. Konseling gizi / kelas ibu hamil",
        "5. Kunjungan rumah",
        "6. Kepemilikan akses air bersih",
        "7. Kepemilikan jamban",
        "8. Jaminan kesehatan",
        "Tanggal kunjungan",
        "Posyandu",
        "LiLA (cm)",
        "NIK ibu",
    ),
    "2b": (
        "No",
        "No Register KIA",
        "Nama anak",
        "Jenis kelamin",
        "Umur (bulan)",
        "BB (kg)",
        "PB/TB (cm)",
        "Cara ukur",
        "LK (cm)",
        "LiLA (cm)",
        "Hasil tikar pertumbuhan",
        "Status gizi",
        "1. Imunisasi dasar sesuai umur",
        "2. Imunisasi campak/MR",
        "3. Penimbangan berat badan",
        "4. Pengukuran panjang/tinggi badan",
        "5. Konseling gizi ibu",
        "6. Konseling gizi ayah",
        "7. Kunjungan rumah",
        "8. Kepemilikan akses air bersih",
        "9. Kepemilikan jamban",
        "10. Akta lahir",
        "11. Jaminan kesehatan",
        "12. Kelas pengasuhan (BKB)",
        "Tanggal kunjungan",
        "Posyandu",
        "NIK anak",
    ),
    "2c": (
        "No",
        "No Register KIA",
        "Nama anak",
        "Jenis kelamin",
        "Tanggal lahir",
        "Umur (bulan)",
        "Kelompok umur",
        "Status PAUD",
        "NIK anak",
    ),
}
_RISK = {v: k for k, v in labels.RISK.items()}
_MAT = {v: k for k, v in labels.GROWTH_MAT.items()}
_PAUD = {v: k for k, v in labels.PAUD.items()}


def yes_no(value: bool | None) -> str:
    return "" if value is None else ("Ya" if value else "Tidak")


def status_label(status: Iterable[str]) -> str:
    """The status gizi in words; a flagged measurement is "tidak dapat dinilai", not Normal."""
    return ", ".join(rules.status_labels(status))


def _targets(village: Region, form: str, month: date, records: dict) -> list:
    """The month's targets on this form, plus any target with a record this month."""
    targets = {
        t.target.pk: t.target for t in tasks_for_month(village.code, month) if t.form == form
    }
    model = Pregnancy if form == rules.FORM_2A else Child
    missing = set(records) - set(targets)
    if missing:
        # A deleted target's records stay stored (its restore brings them back) but leave the
        # export with it, as they leave the monthly lists and the scorecard.
        for target in model.objects.alive().filter(pk__in=missing):
            targets[target.pk] = target
    return list(targets.values())


def _records(model, village: Region, month: date) -> dict:
    field = f"{model.TARGET_FIELD}_id"
    qs = model.objects.alive().filter(village_id=village.code, month=month)
    if model is not PaudRecord:
        qs = qs.select_related("posyandu")
    return {getattr(r, field): r for r in qs}


def _rows_2a(village: Region, month: date) -> list[list[Any]]:
    records = _records(PregnancyVisit, village, month)
    pregnancies = _targets(village, rules.FORM_2A, month, records)
    by_id = {
        p.pk: p
        for p in Pregnancy.objects.filter(pk__in=[p.pk for p in pregnancies]).select_related(
            "mother"
        )
    }
    rows = []
    ordered = sorted(by_id.values(), key=lambda p: (p.kia_number or "~", p.mother.name))
    last_day = month_end(month)
    for p in ordered:
        r = records.get(p.pk)
        delivered = p.delivery_date is not None and p.delivery_date <= last_day
        rows.append(
            [
                p.kia_number,
                p.mother.name,
                _RISK.get(r.risk_status if r else p.risk_status, ""),
                p.due_date,
                r.gestation_month if r else None,
                p.delivery_date if delivered else None,
                yes_no(r.anc_check) if r else "",
                yes_no(r.iron_tablets) if r else "",
                r.iron_tablet_count if r else None,
                yes_no(r.postnatal_checks > 0) if r and delivered else "",
                r.postnatal_checks if r and delivered else None,
                yes_no(r.nutrition_counselling) if r else "",
                yes_no(r.home_visit) if r else "",
                yes_no(r.safe_water) if r else "",
                yes_no(r.latrine) if r else "",
                yes_no(r.health_insurance) if r else "",
                r.visit_date if r else None,
                r.posyandu.name if r and r.posyandu else "",
                float(r.muac_cm) if r and r.muac_cm is not None else None,
                p.mother.nik or "",
            ]
        )
    return rows


def _carried_status(child_ids: list, month: date) -> dict:
    """Per child, the latest measured status up to `month` (forms.md: status carries forward)."""
    latest: dict = {}
    measured = (
        ChildVisit.objects.alive()
        .filter(child_id__in=child_ids, measured=True, month__lte=month)
        .order_by("month")
        .values_list(
            "child_id",
            "month",
            "is_stunting",
            "is_gizi_buruk",
            "is_gizi_kurang",
            "flen",
            "fwei",
            "fwfl",
            "oedema",
        )
    )
    for child_id, rec_month, stunting, buruk, kurang, *who_flags in measured:
        flags = {rules.STUNTING: stunting, rules.GIZI_BURUK: buruk, rules.GIZI_KURANG: kurang,
                 rules.UNJUDGED: rules.is_unjudged(*who_flags)}  # fmt: skip
        latest[child_id] = (rec_month, {code for code, on in flags.items() if on})
    return latest


def _rows_2b(village: Region, month: date) -> list[list[Any]]:
    records = _records(ChildVisit, village, month)
    # The posyandu's weighing of a child of 24-59 months is a ChildVisit too (issue 10), but
    # not a row of Formulir 2b, which counts 0-23 months.
    births = dict(Child.objects.filter(pk__in=list(records)).values_list("pk", "birth_date"))
    records = {
        pk: r
        for pk, r in records.items()
        if pk not in births or not rules.is_weighing_only_month(births[pk], month)
    }
    children = sorted(_targets(village, rules.FORM_2B, month, records), key=lambda ch: ch.name)
    carried = _carried_status([ch.pk for ch in children], month)
    rows = []
    for ch in children:
        r = records.get(ch.pk)
        # The one age function of every page (monitoring.rules.age_on), on the same day.
        age = rules.age_on(
            ch.birth_date,
            age_reference_day(month, clock.today(), r.visit_date if r else None),
        ).months
        status = ""
        if ch.pk in carried:
            rec_month, codes = carried[ch.pk]
            status = status_label(codes)
            if rec_month != month:
                status += f" (pengukuran {MONTHS_ID[rec_month.month - 1]} {rec_month.year})"

        def num(value):
            return None if value is None else float(value)

        rows.append(
            [
                ch.kia_number,
                ch.name,
                ch.sex,
                age,
                num(r.weight_kg) if r else None,
                num(r.length_cm) if r else None,
                {True: "Terlentang", False: "Berdiri"}.get(r.measured_lying, "") if r else "",
                num(r.head_circumference_cm) if r else None,
                num(r.muac_cm) if r else None,
                _MAT.get(r.growth_mat, "") if r else "",
                status,
                yes_no(r.immunisation_up_to_date) if r else "",
                yes_no(r.immunisation_measles) if r else "",
                yes_no(r.weighed) if r else "",
                yes_no(r.measured) if r else "",
                yes_no(r.counselling_mother) if r else "",
                yes_no(r.counselling_father) if r else "",
                yes_no(r.home_visit) if r else "",
                yes_no(r.safe_water) if r else "",
                yes_no(r.latrine) if r else "",
                yes_no(r.birth_certificate) if r else "",
                yes_no(r.health_insurance) if r else "",
                yes_no(r.parenting_class) if r else "",
                r.visit_date if r else None,
                r.posyandu.name if r and r.posyandu else "",
                ch.export_nik,
            ]
        )
    return rows


def _rows_2c(village: Region, month: date) -> list[list[Any]]:
    records = _records(PaudRecord, village, month)
    children = sorted(_targets(village, rules.FORM_2C, month, records), key=lambda ch: ch.name)
    rows = []
    for ch in children:
        r = records.get(ch.pk)
        age = age_in_months(ch.birth_date, max(month, ch.birth_date))
        rows.append(
            [
                ch.kia_number,
                ch.name,
                ch.sex,
                ch.birth_date,
                age,
                "2 - <3 tahun" if age < 36 else "3 - 6 tahun",
                _PAUD.get(r.status, "") if r else "",
                ch.export_nik,
            ]
        )
    return rows


ROWS = {"2a": _rows_2a, "2b": _rows_2b, "2c": _rows_2c}
