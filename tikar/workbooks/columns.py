"""The import workbook's layout: one sheet per kind, its columns, their allowed values.

The sheet names and column headers are a file format shared with the users' spreadsheets, so
they are fixed Indonesian text (like the official forms they copy) rather than translated
interface strings: a file filled in while the interface was in English must still import.
The template, the instructions sheet, the parser and docs/import.md all read this one table.
"""

from __future__ import annotations

from dataclasses import dataclass

# The monthly records' choices (RISK, GROWTH_MAT, PAUD), shared with the export and the printed
# forms; read here as columns.RISK etc.
from tikar.monitoring.labels import GROWTH_MAT, PAUD, RISK

# Kinds of cell value, parsed by tikar.workbooks.cells.
KEY, TEXT, NIK, DATE, MONTH, YESNO, CHOICE, INT, DECIMAL = (
    "key",
    "text",
    "nik",
    "date",
    "month",
    "yesno",
    "choice",
    "int",
    "decimal",
)

YES_NO = {"Ya": True, "Tidak": False}
SEX = {"L": "L", "P": "P"}
POSITION = {"Terlentang": True, "Berdiri": False}


@dataclass(frozen=True, slots=True)
class Column:
    header: str  # the text of row 1, matched case-insensitively
    field: str  # the model field (or importer name) it fills
    kind: str
    help: str
    example: str = ""
    required: bool = False
    choices: dict | None = None  # label -> stored value, for CHOICE and YESNO
    width: int = 16

    @property
    def allowed(self) -> str:
        if self.kind == YESNO:
            return "Ya / Tidak / kosong = belum diisi"
        if self.choices:
            return " / ".join(self.choices)
        return {
            KEY: "teks bebas, unik dalam sheet",
            TEXT: "teks",
            NIK: "16 angka (format sel Teks)",
            DATE: "tanggal, TTTT-BB-HH atau HH/BB/TTTT",
            MONTH: "bulan, TTTT-BB (mis. 2026-05)",
            INT: "bilangan bulat",
            DECIMAL: "angka, 1 desimal (koma atau titik)",
        }.get(self.kind, "")


@dataclass(frozen=True, slots=True)
class Sheet:
    name: str
    kind: str  # household | pregnancy | child | 2a | 2b | 2c
    purpose: str
    columns: tuple[Column, ...]

    def column(self, field: str) -> Column:
        return next(c for c in self.columns if c.field == field)


def _yes(header: str, field: str, help_: str, example: str = "Ya") -> Column:
    return Column(header, field, YESNO, help_, example, choices=YES_NO, width=12)


HOUSEHOLD_KEY_HELP = (
    "Kunci rumah tangga yang Anda tentukan sendiri (mis. RT-001). Dipakai sheet lain untuk "
    "menunjuk rumah tangga ini dan untuk mengenali rumah tangga yang sama saat impor ulang."
)

HOUSEHOLDS = Sheet(
    "Rumah tangga",
    "household",
    "Rumah tangga 1.000 HPK (satu baris per rumah tangga).",
    (
        Column("Kunci rumah tangga", "key", KEY, HOUSEHOLD_KEY_HELP, "RT-001", True),
        Column(
            "Nama kepala rumah tangga", "head_name", TEXT, "Nama kepala keluarga.", "Amir", True
        ),
        Column("Dusun", "dusun", TEXT, "Nama atau nomor dusun.", "I", width=10),
        Column("RT", "rt", TEXT, "Nomor RT.", "001", width=8),
        Column("RW", "rw", TEXT, "Nomor RW.", "002", width=8),
        Column("Alamat", "address", TEXT, "Alamat lengkap (boleh kosong).", "Jl. Pasar 3"),
        _yes("Akses air minum aman", "safe_water", "Rumah tangga punya akses air minum aman."),
        _yes("Jamban layak", "latrine", "Rumah tangga punya jamban layak."),
        _yes("Rentan", "vulnerable", "Rumah tangga termasuk kategori rentan.", "Tidak"),
    ),
)

PREGNANCIES = Sheet(
    "Ibu hamil",
    "pregnancy",
    "Ibu hamil (satu baris per kehamilan), dengan data ibunya.",
    (
        Column(
            "No Register KIA",
            "kia_number",
            KEY,
            "Nomor register buku KIA; unik di desa. Dipakai sheet Pemantauan 2a dan untuk "
            "mengenali kehamilan yang sama saat impor ulang.",
            "KIA-001",
            True,
        ),
        Column(
            "Kunci rumah tangga",
            "household",
            KEY,
            "Kunci dari sheet Rumah tangga (atau rumah tangga yang sudah diimpor sebelumnya).",
            "RT-001",
            True,
        ),
        Column("Nama ibu", "name", TEXT, "Nama lengkap ibu.", "Siti Aminah", True, width=22),
        Column(
            "NIK ibu",
            "nik",
            NIK,
            "NIK 16 angka dari KTP/KK. Ketidaksesuaian dengan tanggal lahir atau wilayah "
            "hanya peringatan.",
            "1210074703950001",
            width=20,
        ),
        Column("Tanggal lahir ibu", "birth_date", DATE, "Tanggal lahir ibu.", "1995-03-07"),
        Column("No HP", "phone", TEXT, "Nomor HP ibu (boleh kosong).", "081234567890"),
        Column("HPL", "due_date", DATE, "Hari perkiraan lahir.", "2026-09-01"),
        Column(
            "Usia kehamilan saat didaftar (bulan)",
            "gestation_month",
            INT,
            "Usia kehamilan 1 sampai 9 bulan saat didaftar.",
            "4",
        ),
        Column(
            "Status kehamilan",
            "risk_status",
            CHOICE,
            "Normal, Risti (risiko tinggi) atau KEK (kekurangan energi kronis).",
            "Normal",
            choices=RISK,
        ),
        Column(
            "Tanggal melahirkan",
            "delivery_date",
            DATE,
            "Isi bila sudah melahirkan; tidak boleh sesudah hari ini.",
            "",
        ),
        _yes("Jaminan kesehatan", "health_insurance", "Ibu punya JKN/BPJS/KIS."),
        Column("Posyandu", "posyandu", TEXT, "Nama posyandu di desa ini (boleh kosong).", ""),
    ),
)

CHILDREN = Sheet(
    "Anak",
    "child",
    "Anak 0-6 tahun (satu baris per anak).",
    (
        Column(
            "Kunci anak",
            "key",
            KEY,
            "Kunci anak yang Anda tentukan sendiri (mis. A-001), atau NIK anak. Dipakai sheet "
            "Pemantauan 2b/2c dan untuk mengenali anak yang sama saat impor ulang.",
            "A-001",
            True,
        ),
        Column(
            "Kunci rumah tangga",
            "household",
            KEY,
            "Kunci dari sheet Rumah tangga (wajib untuk anak baru).",
            "RT-001",
        ),
        Column("Nama anak", "name", TEXT, "Nama anak.", "Budi", True, width=22),
        Column("Jenis kelamin", "sex", CHOICE, "L (laki-laki) atau P (perempuan).", "L", True, SEX),
        Column(
            "Tanggal lahir",
            "birth_date",
            DATE,
            "Tanggal lahir anak; tidak boleh sesudah hari ini.",
            "2025-01-10",
            True,
        ),
        Column(
            "NIK anak",
            "nik",
            NIK,
            "NIK 16 angka dari akta/KK (boleh kosong).",
            "",
            width=20,
        ),
        Column(
            "Nomor sementara",
            "temp_number",
            NIK,
            "Untuk bayi tanpa NIK: NIK ibu + 1 angka (17 angka). Tidak pernah diekspor sebagai NIK.",
            "",
            width=20,
        ),
        Column("No Register KIA", "kia_number", TEXT, "Nomor register KIA anak.", "KIA-001"),
        Column(
            "NIK ibu",
            "mother_nik",
            NIK,
            "NIK ibu, untuk menautkan anak dengan ibunya (boleh kosong).",
            "1210074703950001",
            width=20,
        ),
        Column(
            "Nama ibu",
            "mother_name",
            TEXT,
            "Nama ibu; bila ibu belum terdaftar di rumah tangga itu, ibu ditambahkan.",
            "Siti Aminah",
            width=22,
        ),
        _yes("Akta lahir", "birth_certificate", "Anak punya akta kelahiran."),
        _yes("Jaminan kesehatan", "health_insurance", "Anak punya JKN/BPJS/KIS."),
        Column("Posyandu", "posyandu", TEXT, "Nama posyandu di desa ini (boleh kosong).", ""),
    ),
)

_MONTH_HELP = (
    "Bulan pemantauan, TTTT-BB (mis. 2026-05). Satu baris per sasaran per bulan: bulan yang "
    "sudah ada datanya akan DIUBAH, bukan digandakan."
)
_VISIT_HELP = "Tanggal kunjungan/pengukuran; harus di dalam bulan pemantauan."
_EMPTY_NOTE = " Sel kosong: nilai yang tersimpan tidak diubah (data baru: belum diisi)."

VISITS_2A = Sheet(
    "Pemantauan 2a",
    "2a",
    "Formulir 2a: pemantauan bulanan ibu hamil (satu baris per ibu hamil per bulan).",
    (
        Column(
            "No Register KIA",
            "target",
            KEY,
            "No Register KIA dari sheet Ibu hamil atau yang sudah terdaftar.",
            "KIA-001",
            True,
        ),
        Column("Bulan", "month", MONTH, _MONTH_HELP, "2026-05", True, width=10),
        Column("Tanggal kunjungan", "visit_date", DATE, _VISIT_HELP, "2026-05-12"),
        Column("Posyandu", "posyandu", TEXT, "Nama posyandu di desa ini (boleh kosong).", ""),
        Column(
            "Usia kehamilan (bulan)",
            "gestation_month",
            INT,
            "1 sampai 9; kosong setelah melahirkan.",
            "5",
        ),
        Column(
            "Status kehamilan",
            "risk_status",
            CHOICE,
            "Normal / Risti / KEK.",
            "Normal",
            choices=RISK,
        ),
        _yes(
            "Pemeriksaan kehamilan", "anc_check", "Diperiksa kehamilannya bulan ini." + _EMPTY_NOTE
        ),
        _yes("Pil Fe", "iron_tablets", "Dapat dan minum tablet tambah darah." + _EMPTY_NOTE),
        Column("Jumlah tablet Fe", "iron_tablet_count", INT, "Jumlah tablet bulan ini.", "30"),
        Column(
            "Pemeriksaan nifas (jumlah)",
            "postnatal_checks",
            INT,
            "Jumlah pemeriksaan nifas bulan ini, 0 sampai 4.",
            "0",
        ),
        _yes(
            "Konseling gizi / kelas ibu hamil",
            "nutrition_counselling",
            "Ikut bulan ini." + _EMPTY_NOTE,
        ),
        _yes("Kunjungan rumah", "home_visit", "Dikunjungi di rumah bulan ini." + _EMPTY_NOTE),
        _yes("Akses air bersih", "safe_water", "Punya akses air bersih." + _EMPTY_NOTE),
        _yes("Jamban", "latrine", "Punya jamban." + _EMPTY_NOTE),
        _yes("Jaminan kesehatan", "health_insurance", "Punya JKN/BPJS/KIS." + _EMPTY_NOTE),
        Column("LiLA (cm)", "muac_cm", DECIMAL, "Lingkar lengan atas, cm, 1 desimal.", "24,5"),
    ),
)

VISITS_2B = Sheet(
    "Pemantauan 2b",
    "2b",
    "Formulir 2b: pemantauan bulanan anak 0-23 bulan (satu baris per anak per bulan); anak "
    "24-59 bulan: penimbangan dan pengukuran di posyandu saja (kolom layanan dikosongkan).",
    (
        Column("Kunci anak", "target", KEY, "Kunci anak dari sheet Anak.", "A-001", True),
        Column("Bulan", "month", MONTH, _MONTH_HELP, "2026-05", True, width=10),
        Column(
            "Tanggal kunjungan",
            "visit_date",
            DATE,
            _VISIT_HELP + " Wajib bila ada BB/PB.",
            "2026-05-12",
        ),
        Column("Posyandu", "posyandu", TEXT, "Nama posyandu di desa ini (boleh kosong).", ""),
        Column("Berat badan (kg)", "weight_kg", DECIMAL, "Berat badan, kg, 1 desimal.", "8,4"),
        Column("Panjang/tinggi badan (cm)", "length_cm", DECIMAL, "cm, 1 desimal.", "72,5"),
        Column(
            "Cara ukur",
            "measured_lying",
            CHOICE,
            "Terlentang (panjang badan, di bawah 2 tahun) atau Berdiri (tinggi badan).",
            "Terlentang",
            choices=POSITION,
        ),
        Column("Lingkar kepala (cm)", "head_circumference_cm", DECIMAL, "cm, 1 desimal.", ""),
        Column("LiLA (cm)", "muac_cm", DECIMAL, "Lingkar lengan atas, cm, 1 desimal.", ""),
        _yes("Edema", "oedema", "Ada edema (bengkak) di kedua kaki.", "Tidak"),
        Column(
            "Hasil tikar pertumbuhan",
            "growth_mat",
            CHOICE,
            "Hijau / Kuning / Merah / Tidak diukur.",
            "Hijau",
            choices=GROWTH_MAT,
        ),
        _yes(
            "Imunisasi dasar sesuai umur", "immunisation_up_to_date", "Sesuai umur." + _EMPTY_NOTE
        ),
        _yes(
            "Imunisasi dasar lengkap",
            "immunisation_basic_complete",
            "Sudah lengkap." + _EMPTY_NOTE,
            "Tidak",
        ),
        _yes(
            "Imunisasi campak/MR", "immunisation_measles", "Sudah campak/MR." + _EMPTY_NOTE, "Tidak"
        ),
        _yes("Konseling gizi ibu", "counselling_mother", "Ibu ikut konseling gizi." + _EMPTY_NOTE),
        _yes(
            "Konseling gizi ayah",
            "counselling_father",
            "Ayah ikut konseling gizi." + _EMPTY_NOTE,
            "Tidak",
        ),
        _yes(
            "Kunjungan rumah", "home_visit", "Dikunjungi di rumah bulan ini." + _EMPTY_NOTE, "Tidak"
        ),
        _yes("Akses air bersih", "safe_water", "Punya akses air bersih." + _EMPTY_NOTE),
        _yes("Jamban", "latrine", "Punya jamban." + _EMPTY_NOTE),
        _yes("Akta lahir", "birth_certificate", "Punya akta kelahiran." + _EMPTY_NOTE),
        _yes("Jaminan kesehatan", "health_insurance", "Punya JKN/BPJS/KIS." + _EMPTY_NOTE),
        _yes(
            "Kelas pengasuhan",
            "parenting_class",
            "Orang tua ikut kelas pengasuhan/BKB." + _EMPTY_NOTE,
        ),
        Column(
            "Alasan N (mengikuti garis pertumbuhan)",
            "gain_override_reason",
            TEXT,
            "Hanya bila penimbangan dinilai T (tidak naik) tetapi menurut petugas kesehatan "
            "kurvanya mengikuti garis pertumbuhannya: alasan singkat; dihitung N. Boleh kosong.",
            "",
        ),
    ),
)

VISITS_2C = Sheet(
    "Pemantauan 2c",
    "2c",
    "Formulir 2c: keikutsertaan PAUD anak 2-6 tahun (satu baris per anak per bulan).",
    (
        Column("Kunci anak", "target", KEY, "Kunci anak dari sheet Anak.", "A-002", True),
        Column("Bulan", "month", MONTH, _MONTH_HELP, "2026-05", True, width=10),
        Column(
            "Status PAUD",
            "status",
            CHOICE,
            "Belum (belum waktunya/belum terdaftar), Mengikuti, atau Tidak mengikuti.",
            "Mengikuti",
            True,
            PAUD,
        ),
        Column("Tanggal kunjungan", "visit_date", DATE, _VISIT_HELP, ""),
    ),
)

SHEETS: tuple[Sheet, ...] = (HOUSEHOLDS, PREGNANCIES, CHILDREN, VISITS_2A, VISITS_2B, VISITS_2C)
INSTRUCTIONS_SHEET = "Petunjuk"
