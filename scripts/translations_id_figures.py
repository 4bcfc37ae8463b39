"""Bahasa Indonesia for "figures people can trust" (issue 8 §4): statuses that cannot be judged,
the running (provisional) quarter, one age everywhere."""

ID = {
    # status gizi of a flagged measurement (monitoring views, scorecard, API)
    "Cannot be judged: value outside WHO plausible limits, measure again": "Tidak dapat dinilai: nilai di luar batas wajar WHO, ukur ulang",
    "status cannot be judged (value outside WHO plausible limits, measure again)": "status gizi tidak dapat dinilai (nilai di luar batas wajar WHO, ukur ulang)",
    "Children whose status cannot be judged (value outside WHO plausible limits, measure again)": "Anak yang status gizinya tidak dapat dinilai (nilai di luar batas wajar WHO, ukur ulang)",
    "Children whose latest measurement has a WHO implausible-value flag: their status cannot be judged, so they are counted neither as normal nor as stunted or wasted.": "Anak yang pengukuran terakhirnya ditandai tidak wajar oleh WHO: status gizinya tidak dapat dinilai, sehingga tidak dihitung sebagai normal maupun stunting atau gizi kurang/buruk.",
    'Status gizi computed from this month\'s measurement (WHO 2006). "tidak_dapat_dinilai": a WHO implausible-value flag (flen, fwei, fwfl) means the status cannot be judged from this measurement; an empty list means judged normal.': 'Status gizi dihitung dari pengukuran bulan ini (WHO 2006). "tidak_dapat_dinilai": tanda nilai tidak wajar WHO (flen, fwei, fwfl) berarti status tidak dapat dinilai dari pengukuran ini; daftar kosong berarti dinilai normal.',
    # one age
    "age %(m)s months (%(d)s days)": "umur %(m)s bulan (%(d)s hari)",
    # the running quarter
    "provisional": "sementara",
    "Provisional": "Sementara",
    "running: provisional": "berjalan: sementara",
    "running quarter, counted up to %(month)s. Months still to come are not counted as missed; the figures can change until the quarter ends.": "kuartal berjalan, dihitung sampai %(month)s. Bulan yang belum tiba tidak dihitung sebagai tidak menerima; angka dapat berubah sampai kuartal berakhir.",
    "Quarter %(quarter)s %(year)s is not over yet: its figures are provisional and may still change. It can be validated from %(day)s.": "Kuartal %(quarter)s %(year)s belum berakhir: angkanya masih sementara dan dapat berubah. Validasi dapat dilakukan mulai %(day)s.",
    "Quarter status": "Status kuartal",
    "True while the quarter is running: the figures cover only its months up to evaluated_through and can change; it cannot be validated yet.": "True selama kuartal berjalan: angka hanya mencakup bulan-bulannya sampai evaluated_through dan dapat berubah; kuartal belum dapat divalidasi.",
    "YYYY-MM: the last month counted, or null.": "TTTT-BB: bulan terakhir yang dihitung, atau null.",
}
