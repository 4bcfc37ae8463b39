"""Formulir 1 (b) and (c): the providers, questions and facility kinds (forms.md). No Django.

Codes are stable keys of `VillageYear.service_matrix` / `facility_counts`; labels are the
Indonesian wording of the form.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tikar.households.problems import ERROR, Problem

# (b) rows: providers.
PROVIDERS: tuple[tuple[str, str], ...] = (
    ("poskesdes", "Poskesdes/Polindes"),
    ("posyandu", "Posyandu"),
    ("puskesmas", "Puskesmas/Pustu"),
    ("bidan_praktik", "Bidan praktik"),
    ("dokter_praktik", "Dokter praktik"),
    ("paud", "PAUD"),
    ("tk", "TK"),
)

# (b) columns: yes/no questions, grouped.
SERVICE_GROUPS: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    (
        "kia",
        "KIA",
        (
            ("anc", "Pemeriksaan ibu hamil"),
            ("iron_tablets", "Pil Fe"),
            ("postnatal", "Pemeriksaan nifas"),
            ("immunisation", "Imunisasi"),
        ),
    ),
    (
        "gizi",
        "Gizi",
        (
            ("weighing", "Penimbangan"),
            ("length", "Pengukuran panjang/tinggi"),
            ("counselling", "Konseling"),
        ),
    ),
    (
        "paud",
        "PAUD",
        (
            ("paud_0_3", "Layanan 0–<3 tahun / parenting"),
            ("paud_3_6", "Layanan 3–6 tahun"),
        ),
    ),
)
QUESTIONS: tuple[str, ...] = tuple(code for _, _, qs in SERVICE_GROUPS for code, _ in qs)

# (c) facility kinds.
FACILITY_KINDS: tuple[tuple[str, str], ...] = (
    ("poskesdes", "Poskesdes"),
    ("posyandu", "Posyandu"),
    ("puskesmas", "Puskesmas/Pustu"),
    ("rumah_sakit", "Rumah sakit"),
    ("bidan", "Bidan"),
    ("dokter", "Dokter"),
    ("paud", "PAUD"),
    ("tk", "TK"),
    ("lainnya", "Lainnya"),
)

_PROVIDER_CODES = {code for code, _ in PROVIDERS}
_FACILITY_CODES = {code for code, _ in FACILITY_KINDS}


def no_and_unknown(answers: Iterable[bool | None]) -> tuple[int, int]:
    """(answered "tidak", not asked) among the register's yes/no answers of (a).

    An unanswered question (None) is shown on its own line, never counted as "without": a
    household nobody asked about water is not a household without safe water (issue 8).
    """
    no = unknown = 0
    for answer in answers:
        if answer is None:
            unknown += 1
        elif not answer:
            no += 1
    return no, unknown


def empty_service_matrix() -> dict[str, dict[str, bool]]:
    return {p: dict.fromkeys(QUESTIONS, False) for p, _ in PROVIDERS}


def empty_facility_counts() -> dict[str, int]:
    return {code: 0 for code, _ in FACILITY_KINDS}


def check_service_matrix(matrix: Any) -> list[Problem]:
    if not isinstance(matrix, dict):
        return [Problem("matrix_shape", "Matriks layanan tidak terbaca.", ERROR, "service_matrix")]
    for provider, answers in matrix.items():
        if provider not in _PROVIDER_CODES or not isinstance(answers, dict):
            return [
                Problem(
                    "matrix_provider",
                    f"Penyedia layanan '{provider}' tidak dikenal.",
                    ERROR,
                    "service_matrix",
                )
            ]
        for question, answer in answers.items():
            if question not in QUESTIONS or not isinstance(answer, bool):
                return [
                    Problem(
                        "matrix_question",
                        f"Jawaban '{question}' untuk '{provider}' harus ya/tidak.",
                        ERROR,
                        "service_matrix",
                    )
                ]
    return []


def check_facility_counts(counts: Any) -> list[Problem]:
    if not isinstance(counts, dict):
        return [
            Problem("counts_shape", "Jumlah fasilitas tidak terbaca.", ERROR, "facility_counts")
        ]
    for kind, n in counts.items():
        if kind not in _FACILITY_CODES or not isinstance(n, int) or isinstance(n, bool) or n < 0:
            return [
                Problem(
                    "counts_value",
                    f"Jumlah '{kind}' harus bilangan bulat 0 atau lebih.",
                    ERROR,
                    "facility_counts",
                )
            ]
    return []
