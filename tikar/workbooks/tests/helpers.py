"""Builders for the workbook tests (not a test module: no `test_` prefix)."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from typing import Any
from unittest import mock

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

from tikar.households.models import ChangeCounter, Child, Household, Mother, Pregnancy
from tikar.monitoring.models import ChildVisit, Conflict, PaudRecord, PregnancyVisit
from tikar.workbooks.models import ImportKey
from tikar.workbooks.template import build_template

TODAY = date(2026, 5, 20)
MOTHER_NIK = "1210074703950001"  # a woman of Kecamatan Bilah Barat born 7 March 1995

# One valid workbook: a household, a pregnancy, a baby, a pre-school child and their months.
VALID: dict[str, list[dict[str, Any]]] = {
    "Rumah tangga": [
        {
            "Kunci rumah tangga": "RT-001",
            "Nama kepala rumah tangga": "Amir",
            "Dusun": "I",
            "RT": "001",
            "RW": "002",
            "Akses air minum aman": "Ya",
            "Jamban layak": "Ya",
            "Rentan": "Tidak",
        }
    ],
    "Ibu hamil": [
        {
            "No Register KIA": "KIA-001",
            "Kunci rumah tangga": "RT-001",
            "Nama ibu": "Siti Aminah",
            "NIK ibu": MOTHER_NIK,
            "Tanggal lahir ibu": date(1995, 3, 7),
            "HPL": date(2026, 9, 1),
            "Usia kehamilan saat didaftar (bulan)": 4,
            "Status kehamilan": "Normal",
            "Jaminan kesehatan": "Ya",
            "Posyandu": "Posyandu Melati",
        }
    ],
    "Anak": [
        {
            "Kunci anak": "A-001",
            "Kunci rumah tangga": "RT-001",
            "Nama anak": "Budi Kecil",
            "Jenis kelamin": "L",
            "Tanggal lahir": "2025-06-10",
            "NIK ibu": MOTHER_NIK,
            "Akta lahir": "Ya",
            "Jaminan kesehatan": "Ya",
        },
        {
            "Kunci anak": "A-002",
            "Kunci rumah tangga": "RT-001",
            "Nama anak": "Rina",
            "Jenis kelamin": "P",
            "Tanggal lahir": date(2023, 1, 15),
        },
    ],
    "Pemantauan 2a": [
        {
            "No Register KIA": "KIA-001",
            "Bulan": "2026-04",
            "Tanggal kunjungan": date(2026, 4, 12),
            "Usia kehamilan (bulan)": 4,
            "Pemeriksaan kehamilan": "Ya",
            "Pil Fe": "Ya",
            "Jumlah tablet Fe": 30,
            "LiLA (cm)": "24,5",
        }
    ],
    "Pemantauan 2b": [
        {
            "Kunci anak": "A-001",
            "Bulan": "2026-04",
            "Tanggal kunjungan": date(2026, 4, 12),
            "Berat badan (kg)": 8.4,
            "Panjang/tinggi badan (cm)": "70,5",
            "Cara ukur": "Terlentang",
            "Hasil tikar pertumbuhan": "Hijau",
            "Imunisasi dasar sesuai umur": "Ya",
            "Konseling gizi ibu": "Ya",
            "Konseling gizi ayah": "Tidak",
        },
        {
            "Kunci anak": "A-001",
            "Bulan": "2026-05",
            "Tanggal kunjungan": "2026-05-11",
            "Berat badan (kg)": "8,6",
            "Hasil tikar pertumbuhan": "Kuning",
            "Konseling gizi ayah": "Ya",
        },
    ],
    "Pemantauan 2c": [{"Kunci anak": "A-002", "Bulan": "2026-04", "Status PAUD": "Mengikuti"}],
}


def frozen_today():
    return mock.patch("django.utils.timezone.localdate", return_value=TODAY)


def workbook(data: dict[str, list[dict[str, Any]]]) -> bytes:
    """The downloadable template with `data` written under its headers (by header text)."""
    wb = build_template()
    for sheet_name, rows in data.items():
        ws = wb[sheet_name]
        headers = [str(cell.value).rstrip(" *") for cell in ws[1]]
        for row in rows:
            unknown = set(row) - set(headers)
            assert not unknown, unknown
            ws.append([row.get(h) for h in headers])
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def with_changes(sheet: str, index: int, **changes: Any) -> dict[str, list[dict[str, Any]]]:
    """A copy of VALID with one row changed (keys are column headers, "_" for spaces)."""
    data = {name: [dict(r) for r in rows] for name, rows in VALID.items()}
    data[sheet][index].update({k.replace("_", " "): v for k, v in changes.items()})
    return data


def upload(content: bytes, name: str = "data.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def open_xlsx(content: bytes):
    return openpyxl.load_workbook(BytesIO(content))


TABLES = (
    Household,
    Mother,
    Pregnancy,
    Child,
    PregnancyVisit,
    ChildVisit,
    PaudRecord,
    Conflict,
    ImportKey,
)


def table_counts() -> dict[str, int]:
    """Rows of every table the import can write, history included, and the change counter."""
    counts = {m._meta.label: m.objects.count() for m in TABLES}
    for m in TABLES:
        if hasattr(m, "history"):
            counts[f"{m._meta.label} history"] = m.history.count()
    counts["change counter"] = sum(ChangeCounter.objects.values_list("value", flat=True))
    return counts
