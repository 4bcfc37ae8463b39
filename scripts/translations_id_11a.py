"""Indonesian for the gaps page of issue 11 (helper 11a: /rembuk/celah/)."""

ID = {
    "Gaps from the scorecard": "Celah dari scorecard",
    "Gaps by dusun": "Celah per dusun",
    "Gaps by posyandu": "Celah per posyandu",
    "Choose an indicator from the list of gaps.": "Pilih indikator dari daftar celah.",
    "Choose at most %(max)s quarters at once.": "Pilih paling banyak %(max)s kuartal sekaligus.",
    "“%(value)s” is not a quarter. Write the year and the quarter, for example 2026-2.": (
        "“%(value)s” bukan kuartal. Tulis tahun dan kuartalnya, misalnya 2026-2."
    ),
    "“%(value)s”: there are no scorecard results before 2000.": (
        "“%(value)s”: tidak ada hasil scorecard sebelum tahun 2000."
    ),
    "“%(value)s” has not started yet: choose a quarter that has begun.": (
        "“%(value)s” belum dimulai: pilih kuartal yang sudah berjalan."
    ),
    "This dusun or posyandu is not in the list.": "Dusun atau posyandu ini tidak ada di daftar.",
    "Dusun: %(name)s": "Dusun: %(name)s",
    "Posyandu: %(name)s": "Posyandu: %(name)s",
    "Without dusun": "Tanpa dusun",
    "Without posyandu": "Tanpa posyandu",
    "Group": "Kelompok",
    "Indicator": "Indikator",
    "Service package": "Paket layanan",
    "Targets − TS": "Sasaran − TS",
    "Not served": "Belum terlayani",
    "not served": "belum terlayani",
    "Who: %(n)s not served": "Siapa: %(n)s belum terlayani",
    "Package %(n)s": "Paket %(n)s",
    "%(n)s quarters pooled: a target counts once for each quarter it appears in.": (
        "%(n)s kuartal digabung: seorang sasaran dihitung sekali untuk setiap kuartal ia tercatat."
    ),
    "%(q)s has ended but is not validated yet.": "%(q)s sudah berakhir tetapi belum divalidasi.",
    "validated on %(when)s": "divalidasi pada %(when)s",
    "validated": "sudah divalidasi",
    "%(y)s of %(d)s": "%(y)s dari %(d)s",
    "By dusun and posyandu": "Per dusun dan posyandu",
    "Choose quarters": "Pilih kuartal",
    "Coverage = Y / (targets − TS). Not served = targets − TS − Y (a T for missing data counts "
    "as not served). Most not served first.": (
        "Cakupan = Y / (sasaran − TS). Belum terlayani = sasaran − TS − Y (T karena data belum "
        "lengkap juga dihitung belum terlayani). Urutan: yang paling banyak belum terlayani "
        "lebih dulu."
    ),
    "Dusun: the household's dusun as registered now; posyandu: the target's posyandu as "
    "registered now.": (
        "Dusun: dusun rumah tangga sasaran seperti terdaftar sekarang; posyandu: posyandu "
        "sasaran seperti terdaftar sekarang."
    ),
    "Every target of this line was served.": "Semua sasaran pada baris ini sudah terlayani.",
    "Make a proposal for this gap": "Buat usulan untuk celah ini",
    "No scorecard results for this quarter: no target was recorded.": (
        "Belum ada hasil scorecard untuk kuartal ini: belum ada sasaran yang dicatat."
    ),
    "Not served in": "Belum terlayani pada",
    "Several quarters: a target not served in two of them is listed once, with both quarters.": (
        "Beberapa kuartal: sasaran yang belum terlayani di dua kuartal ditulis sekali, dengan "
        "kedua kuartalnya."
    ),
    "Show it": "Tampilkan",
    "Show the latest validated quarter": "Tampilkan kuartal terakhir yang sudah divalidasi",
    "Show": "Tampilkan",
    "Targets not served": "Sasaran yang belum terlayani",
    "This desa has no validated quarter yet: shown is the latest completed quarter.": (
        "Desa ini belum punya kuartal yang divalidasi: yang ditampilkan adalah kuartal terakhir "
        "yang sudah berakhir."
    ),
    "Tick one quarter, or several to pool them.": (
        "Centang satu kuartal, atau beberapa untuk menggabungkannya."
    ),
    "Trend": "Tren",
    "data missing": "data belum lengkap",
    "not validated yet": "belum divalidasi",
    "provisional: the quarter is still running": "sementara: kuartal masih berjalan",
    "running": "berjalan",
    "“Data missing”: the cell is T because a question was not answered; completing the monthly "
    "record may turn it into Y.": (
        "“Data belum lengkap”: nilainya T karena ada pertanyaan yang belum dijawab; melengkapi "
        "catatan bulanan dapat mengubahnya menjadi Y."
    ),
    # Fix D
    "Choose a dusun or a posyandu, not both.": "Pilih dusun atau posyandu, jangan keduanya.",
    "This posyandu is not registered in %(village)s.": (
        "Posyandu ini tidak terdaftar di %(village)s."
    ),
    "This dusun is not in the household register of %(village)s.": (
        "Dusun ini tidak ada di daftar rumah tangga %(village)s."
    ),
    "This kelurahan has no validated quarter yet: shown is the latest completed quarter.": (
        "Kelurahan ini belum punya kuartal yang divalidasi: yang ditampilkan adalah kuartal "
        "terakhir yang sudah berakhir."
    ),
}
