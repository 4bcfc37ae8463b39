"""NIK (Nomor Induk Kependudukan) and the newborn's temporary number: pure checks, no Django.

A NIK is 16 digits: PPKKCC (province, kabupaten/kota, kecamatan of first registration, the
Kemendagri code without dots), DDMMYY (birth date, 40 added to the day for women), then a
4-digit serial. forms.md:

- malformed (not 16 digits, not digits, all one digit such as 0000000000000000) is an ERROR:
  no real NIK looks like that;
- a prefix that is no kecamatan, a sex or birth date that does not match the person, or an
  impossible embedded date is a WARNING the user may confirm: old NIKs with mistakes exist, and
  people move, so only the existence of the kecamatan is checked, not that it is the desa's.

A newborn without a NIK may carry a temporary number: the mother's NIK plus one digit (17
digits). It must never be taken for a NIK, which is why `check_nik` refuses 17 digits with a
message of its own and `is_nik` is False for it.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from tikar.households.problems import ERROR, WARNING, Problem

NIK_LENGTH = 16
TEMP_NUMBER_LENGTH = NIK_LENGTH + 1
FEMALE_DAY_OFFSET = 40

# What people type between the digits (copied from a KK); the phone drops the same ones.
SEPARATORS = " .-"
_SEPARATORS = str.maketrans("", "", SEPARATORS)


def normalise(raw: str | None) -> str:
    """Drop the spaces, dots and dashes people type or copy from a KK (family card)."""
    return (raw or "").strip().translate(_SEPARATORS)


def _shape_problems(value: str, length: int, what: str, field: str) -> list[Problem]:
    if not value.isdigit():
        return [Problem(f"{field}_not_digits", f"{what} hanya boleh berisi angka.", ERROR, field)]
    if len(value) != length:
        return [
            Problem(
                f"{field}_length",
                f"{what} harus {length} digit; yang diisi {len(value)} digit.",
                ERROR,
                field,
            )
        ]
    if len(set(value)) == 1:
        return [
            Problem(
                f"{field}_all_same",
                f"{what} tidak mungkin berisi satu angka yang sama semua ({value[:4]}…). "
                "Periksa kembali pada KTP atau Kartu Keluarga.",
                ERROR,
                field,
            )
        ]
    return []


def embedded_birth(nik: str) -> tuple[int, int, int, bool]:
    """(day, month, two-digit year, female) read from positions 7-12 of a 16-digit NIK."""
    day, month, year = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    female = day > FEMALE_DAY_OFFSET
    return (day - FEMALE_DAY_OFFSET if female else day), month, year, female


def _valid_day_month(day: int, month: int, year2: int) -> bool:
    # The century is unknown; 2000 is a leap year, so 29 Feb of "00" passes, as it should.
    try:
        date(2000 + year2, month, day)
    except ValueError:
        try:
            date(1900 + year2, month, day)
        except ValueError:
            return False
    return True


def check_nik(
    raw: str | None,
    *,
    kecamatan_codes: Collection[str] | None = None,
    sex: str | None = None,
    birth_date: date | None = None,
    field: str = "nik",
) -> list[Problem]:
    """Problems with a NIK; empty when it looks right. An empty value is not checked here.

    `kecamatan_codes`: the set of kecamatan codes without dots ("121007"); None skips the
    region check. `sex`: 'L' or 'P'. `birth_date`: the person's birth date as entered.
    """
    nik = normalise(raw)
    if not nik:
        return []
    if nik.isdigit() and len(nik) == TEMP_NUMBER_LENGTH:
        return [
            Problem(
                f"{field}_is_temp_number",
                "Ini nomor sementara bayi (17 digit: NIK ibu + 1 angka), bukan NIK. "
                "Isi di kolom nomor sementara, atau isi NIK 16 digit dari akta/KK.",
                ERROR,
                field,
            )
        ]
    problems = _shape_problems(nik, NIK_LENGTH, "NIK", field)
    if problems:
        return problems

    if kecamatan_codes is not None and nik[:6] not in kecamatan_codes:
        prefix = f"{nik[0:2]}.{nik[2:4]}.{nik[4:6]}"
        problems.append(
            Problem(
                f"{field}_region_unknown",
                f"6 angka pertama NIK ({prefix}) bukan kode kecamatan yang ada. "
                "Periksa apakah ada angka yang tertukar.",
                WARNING,
                field,
            )
        )
    day, month, year2, female = embedded_birth(nik)
    if not _valid_day_month(day, month, year2):
        problems.append(
            Problem(
                f"{field}_date_invalid",
                f"Angka ke-7 sampai ke-12 NIK ({nik[6:12]}) bukan tanggal lahir yang mungkin.",
                WARNING,
                field,
            )
        )
        return problems
    if sex in ("L", "P") and female != (sex == "P"):
        written = "perempuan (tanggal lahir + 40)" if female else "laki-laki"
        entered = "perempuan" if sex == "P" else "laki-laki"
        problems.append(
            Problem(
                f"{field}_sex_mismatch",
                f"NIK ini tertulis untuk {written}, tetapi jenis kelamin yang diisi "
                f"{entered}. Periksa NIK atau jenis kelamin.",
                WARNING,
                field,
            )
        )
    if birth_date is not None and (day, month, year2) != (
        birth_date.day,
        birth_date.month,
        birth_date.year % 100,
    ):
        problems.append(
            Problem(
                f"{field}_birth_date_mismatch",
                f"Tanggal lahir di NIK ({day:02d}-{month:02d}-{year2:02d}) berbeda dengan "
                f"tanggal lahir yang diisi ({birth_date:%d-%m-%y}). Periksa salah satunya.",
                WARNING,
                field,
            )
        )
    return problems


def is_nik(raw: str | None) -> bool:
    """True for a well-formed 16-digit NIK (warnings allowed); never for a temporary number."""
    nik = normalise(raw)
    return bool(nik) and not any(p.is_error for p in check_nik(nik))


def check_temp_number(
    raw: str | None, *, mother_nik: str | None = None, field: str = "temp_number"
) -> list[Problem]:
    """Problems with a newborn's temporary number (the mother's NIK + one digit)."""
    number = normalise(raw)
    if not number:
        return []
    what = "Nomor sementara bayi (NIK ibu + 1 angka)"
    problems = _shape_problems(number, TEMP_NUMBER_LENGTH, what, field)
    if problems:
        return problems
    if any(p.is_error for p in check_nik(number[:NIK_LENGTH])):
        return [
            Problem(
                f"{field}_mother_nik_invalid",
                "16 angka pertama nomor sementara harus NIK ibu yang benar.",
                ERROR,
                field,
            )
        ]
    mother = normalise(mother_nik)
    if mother and number[:NIK_LENGTH] != mother:
        return [
            Problem(
                f"{field}_mother_mismatch",
                f"Nomor sementara harus diawali NIK ibu ({mother}), lalu 1 angka.",
                ERROR,
                field,
            )
        ]
    return []


def make_temp_number(mother_nik: str, digit: int = 1) -> str:
    """The temporary number for the `digit`-th newborn (twins: 1, 2) of a mother."""
    if not 0 <= digit <= 9:
        raise ValueError("digit must be 0-9")
    return normalise(mother_nik) + str(digit)
