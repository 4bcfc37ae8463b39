"""Bahasa Indonesia for SKDN / F1 Gizi and the e-PPGBM export (issue 10, helper D); source
strings are English (tikar/posyandu/views_skdn.py, views_eppgbm.py,
templates/posyandu/skdn_report.html, the line on the reports page). The F1 Gizi figure names
are written in Indonesian by the pure module tikar/posyandu/skdn.py."""

ID = {
    "“%(value)s” is not a month in the form YYYY-MM (for example %(example)s): "
    "showing %(month)s.": (
        "“%(value)s” bukan bulan dengan bentuk TTTT-BB (misalnya %(example)s): "
        "ditampilkan %(month)s."
    ),
    "%(month)s has not come yet: showing %(current)s.": (
        "%(month)s belum tiba: ditampilkan %(current)s."
    ),
    "No posyandu recorded": "Posyandu belum dicatat",
    "SKDN and F1 Gizi": "SKDN dan F1 Gizi",
    "Show": "Tampilkan",
    "Choose a province": "Pilih provinsi",
    "S: all balita": "S: semua balita",
    "K: with a KIA book": "K: punya buku KIA",
    "D: weighed": "D: ditimbang",
    "N: weight up": "N: berat naik",
    "Download XLSX (F1 Gizi)": "Unduh XLSX (F1 Gizi)",
    "e-PPGBM export": "Ekspor e-PPGBM",
    "By %(level)s": "Per %(level)s",
    "F1 Gizi by age band and sex": "F1 Gizi menurut kelompok umur dan jenis kelamin",
    "Figure": "Uraian",
    "How the figures are counted": "Cara menghitung angka-angka ini",
    "S: every child 0-59 months of the area registered by the end of the month, alive and not "
    "closed. K: those with a KIA book number. D: weighed this month; N, T, O, B: the "
    "weight-gain judgement of that weighing (N gained at least the minimum for the age, T did "
    "not, O not weighed last month, B first weighing). BGM: below −3 SD weight-for-age. 2T: T "
    "for the second weighing running. K not weighed: children with a KIA book not weighed this "
    "month. Age band: completed months on the last day of the month. A child counts at the "
    "posyandu of the register.": (
        "S: semua anak 0-59 bulan di wilayah ini yang terdaftar sampai akhir bulan, masih hidup "
        "dan belum ditutup. K: yang punya nomor buku KIA. D: ditimbang bulan ini; N, T, O, B: "
        "penilaian kenaikan berat badan penimbangan itu (N naik minimal sebesar KBM untuk "
        "umurnya, T tidak, O bulan lalu tidak ditimbang, B baru pertama kali ditimbang). BGM: "
        "di bawah −3 SD berat badan menurut umur. 2T: T dua kali berturut-turut. K tidak "
        "ditimbang: anak dengan buku KIA yang tidak ditimbang bulan ini. Kelompok umur: bulan "
        "penuh pada hari terakhir bulan itu. Anak dihitung di posyandu tempat ia terdaftar."
    ),
    "SKDN and F1 Gizi (monthly posyandu report)": "SKDN dan F1 Gizi (laporan bulanan posyandu)",
    "e-PPGBM export of this month": "Ekspor e-PPGBM bulan ini",
}
