"""Bahasa Indonesia for the scorecard API's strings (tikar/api/views_scorecard.py)."""

ID = {
    'Two decimals as a string ("87.50"), rounded half up; null when the denominator is 0.': 'Dua desimal sebagai teks ("87.50"), dibulatkan setengah ke atas; null jika penyebutnya 0.',
    "Children's line 'parent counselling' only: fathers.": "Hanya baris anak 'konseling orang tua': jumlah ayah.",
    "No KIA of a pregnancy; sex and birth date of a child.": "No KIA untuk ibu hamil; jenis kelamin dan tanggal lahir untuk anak.",
    "One value per indicator, in the order of `indicators`.": "Satu nilai per indikator, dalam urutan `indicators`.",
    "Not a desa of the user's area, or a quarter that has not started.": "Bukan desa di wilayah pengguna, atau kuartal yang belum dimulai.",
    "A desa's scorecard (Formulir 4) for a quarter": "Scorecard desa (Formulir 4) untuk satu kuartal",
    "Tables 1-5 of Formulir 4, the same document as `manage.py scorecard --format json`. Counts and rupiah are integers; percentages are strings with two decimals or null.": "Tabel 1-5 Formulir 4, dokumen yang sama dengan `manage.py scorecard --format json`. Jumlah dan rupiah berupa bilangan bulat; persentase berupa teks dengan dua desimal atau null.",
    "A desa's Formulir 3a / 3b recap for a quarter": "Rekap Formulir 3a / 3b desa untuk satu kuartal",
    "One row per target with Y / T / TS per indicator, received, expected and %, and per group the indicator totals of Formulir 4 table 3. Rows are sorted by name.": "Satu baris per sasaran dengan Y / T / TS per indikator, jumlah diterima, seharusnya dan %, serta per kelompok jumlah per indikator seperti tabel 3 Formulir 4. Baris diurutkan menurut nama.",
}
