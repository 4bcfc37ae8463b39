"""Bahasa Indonesia for the online entry form's posyandu work (issue 10, helper G): last
month's values, the live N/T judgement, the override reason, the KEK prompt, the weighing-only
form of children 24-59 months and the N/T column of the target page."""

ID = {
    # forms.py
    "Follows its growth line (health worker's judgement)": "Mengikuti garis pertumbuhannya (penilaian tenaga kesehatan)",
    "Only when a health worker judges that the curve follows its growth line although the gain is under the minimum: write why. The weighing then counts as N.": "Hanya bila tenaga kesehatan menilai grafiknya tetap mengikuti garis pertumbuhannya walaupun kenaikannya di bawah minimal: tulis alasannya. Penimbangan ini lalu dihitung N.",
    "From 2 years: standing (height).": "Mulai umur 2 tahun: berdiri (tinggi badan).",
    # entry_weighing.py
    "Gained %(g)s g (minimum %(kbm)s g): %(code)s": "Naik %(g)s g (minimal %(kbm)s g): %(code)s",
    "Same weight, 0 g (minimum %(kbm)s g): %(code)s": "Tetap, 0 g (minimal %(kbm)s g): %(code)s",
    "Lost %(g)s g (minimum %(kbm)s g): %(code)s": "Turun %(g)s g (minimal %(kbm)s g): %(code)s",
    "a T judged N: follows its growth line": "T dinilai N: mengikuti garis pertumbuhannya",
    "O: no judgement at 0 months (no minimum gain in the first month)": "O: umur 0 bulan belum dinilai (belum ada KBM di bulan pertama)",
    # views.py
    "Posyandu weighing (24-59 months)": "Penimbangan posyandu (24-59 bulan)",
    # templates
    "Weight gain": "Kenaikan berat badan",
    "2T: not gained twice in a row. Refer the child to the puskesmas.": "2T: dua kali berturut-turut tidak naik. Rujuk anak ke puskesmas.",
    "BGM: weight-for-age below −3 SD (below the red line). Refer the child to the puskesmas.": "BGM: BB/U di bawah −3 SD (bawah garis merah). Rujuk anak ke puskesmas.",
    "the mat's colour limits are not verified yet": "batas warna tikar belum diverifikasi",
    "Optional. The gain is under the minimum (T). If a health worker judges that the curve still follows its growth line, write why: the weighing then counts as N, and the reason is kept in the history.": "Boleh kosong. Kenaikannya di bawah minimal (T). Bila tenaga kesehatan menilai grafiknya tetap mengikuti garis pertumbuhannya, tulis alasannya: penimbangan ini dihitung N, dan alasannya disimpan dalam riwayat.",
    "LiLA < 23.5 cm: KEK": "LiLA < 23,5 cm: KEK",
    "chronic energy deficiency": "kurang energi kronis",
    "Set the risk status to “KEK” above if this measurement is right, and tell the bidan. It is not changed for you.": "Pilih status risiko “KEK” di atas bila pengukuran ini benar, dan beri tahu bidan. Status risiko tidak diubah otomatis.",
    "The risk status is KEK.": "Status risiko: KEK.",
    "From 24 to 59 months the posyandu still weighs the child every month: this record holds the weighing and measuring only (the Formulir 2b services are for children 0-23 months).": "Umur 24 sampai 59 bulan anak tetap ditimbang di posyandu setiap bulan: catatan ini hanya berisi penimbangan dan pengukuran (layanan Formulir 2b untuk anak 0-23 bulan).",
    "Last month": "Bulan lalu",
    "not weighed": "tidak ditimbang",
    "Not weighed last month": "Belum ditimbang bulan lalu",
    "Latest": "Terakhir",
    "Weight gain: N gained, T not gained, O not weighed last month, B first weighing": "Kenaikan berat badan: N naik, T tidak naik, O bulan lalu tidak ditimbang, B baru pertama kali ditimbang",
    "N/T": "N/T",
    "N/T: N gained at least the minimum for the age, T did not (2T: twice in a row), O not weighed the month before, B first weighing; * judged N by a health worker (follows its growth line).": "N/T: N naik paling sedikit KBM umurnya, T tidak (2T: dua kali berturut-turut), O bulan sebelumnya tidak ditimbang, B baru pertama kali ditimbang; * dinilai N oleh tenaga kesehatan (mengikuti garis pertumbuhannya).",
    "Posyandu weighing, %(month)s": "Penimbangan posyandu, %(month)s",
}
