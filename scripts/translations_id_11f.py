"""Indonesian for the printed Formulir 2a / 2b / 2c (issue 11, task 11f).

The column headings are the official forms' short texts (spec/forms.md, and the same words as
the month's Excel export in tikar/workbooks/exporter.py).
"""

ID = {
    # Page and controls
    "Print Formulir %(form)s": "Cetak Formulir %(form)s",
    "Formulir %(f)s": "Formulir %(f)s",
    "What to print": "Yang dicetak",
    "Filled for the month": "Terisi untuk bulan ini",
    "Blank with the month's targets": "Kosong dengan sasaran bulan ini",
    "Fully blank (no names)": "Kosong sama sekali (tanpa nama)",
    "A4 landscape. The table scrolls sideways on a phone.": (
        "A4 mendatar. Di HP, tabel dapat digeser ke samping."
    ),
    "Write the month as YYYY-MM, for example 2026-04.": (
        "Tulis bulan sebagai TTTT-BB, misalnya 2026-04."
    ),
    "Choose a month from January 2000 on.": "Pilih bulan mulai Januari 2000.",
    "That month has not started yet: choose this month or an earlier one.": (
        "Bulan itu belum dimulai: pilih bulan ini atau bulan sebelumnya."
    ),
    "Choose what to print: filled, blank with names, or fully blank.": (
        "Pilih yang dicetak: terisi, kosong dengan nama, atau kosong sama sekali."
    ),
    # The sheet
    "Formulir 2a: monthly monitoring of pregnant women": (
        "Formulir 2a: Pemantauan Bulanan Ibu Hamil"
    ),
    "Formulir 2b: monthly monitoring of children 0-23 months": (
        "Formulir 2b: Pemantauan Bulanan Anak 0-23 Bulan"
    ),
    "Formulir 2c: monthly PAUD participation of children 2-6 years": (
        "Formulir 2c: Pemantauan Bulanan Layanan PAUD Anak 2-6 Tahun"
    ),
    "Name of the KPM": "Nama KPM",
    "Row number": "No",
    "No targets on this form this month.": "Tidak ada sasaran formulir ini pada bulan ini.",
    "✓ = yes, ✗ = no, empty = not recorded.": "✓ = ya, ✗ = tidak, kosong = tidak dicatat.",
    "Tick ✓ or cross ✗ each box.": "Isi setiap kotak dengan ✓ atau ✗.",
    "Acknowledged by,": "Mengetahui,",
    "Village head": "Kepala Desa",
    "Head of the kelurahan": "Lurah",
    "ticked: yes": "ya",
    "crossed: no": "tidak",
    # Column headings (official short texts)
    "Register number (KIA)": "No Register KIA",
    "Name of the mother": "Nama ibu",
    "Pregnancy status (Normal / Risti / KEK)": "Status kehamilan (Normal / Risti / KEK)",
    "Due date (HPL)": "HPL",
    "Gestational age (months)": "Usia kehamilan (bulan)",
    "Date of delivery": "Tanggal melahirkan",
    "Antenatal check-up": "Pemeriksaan kehamilan",
    "Received and took iron tablets (Fe)": "Dapat & konsumsi pil Fe",
    "Fe tablets (number)": "Jumlah tablet Fe",
    "Postnatal check-up": "Pemeriksaan nifas",
    "Postnatal checks (number)": "Jumlah pemeriksaan nifas",
    "Nutrition counselling / pregnancy class": "Konseling gizi / kelas ibu hamil",
    "Home visit by the bidan/KPM": "Kunjungan rumah",
    "Household has clean water": "Kepemilikan akses air bersih",
    "Household has a latrine": "Kepemilikan jamban",
    "Has health insurance": "Jaminan kesehatan",
    "Arm circumference, MUAC (cm)": "LiLA (cm)",
    "Date of the visit": "Tanggal kunjungan",
    "Name of the child": "Nama anak",
    "Sex (L/P)": "Jenis kelamin (L/P)",
    "Age in months": "Umur (bulan)",
    "Weight, BB (kg)": "BB (kg)",
    "Length/height, PB/TB (cm)": "PB/TB (cm)",
    "Measured lying or standing": "Cara ukur (terlentang / berdiri)",
    "Head circumference, LK (cm)": "LK (cm)",
    "Growth mat result": "Hasil tikar pertumbuhan",
    "Status gizi (nutritional status)": "Status gizi",
    "Basic immunisation due for the age": "Imunisasi dasar sesuai umur",
    "Weighed this month": "Penimbangan berat badan",
    "Length/height measured this month": "Pengukuran panjang/tinggi badan",
    "Nutrition counselling of the mother": "Konseling gizi ibu",
    "Nutrition counselling of the father": "Konseling gizi ayah",
    "Has a birth certificate": "Akta lahir",
    "Parenting class (BKB)": "Kelas pengasuhan (BKB)",
    "Date of birth": "Tanggal lahir",
    "Age group": "Kelompok umur",
    "PAUD (Belum / Mengikuti / Tidak mengikuti)": "Status PAUD (Belum / Mengikuti / Tidak mengikuti)",
}
