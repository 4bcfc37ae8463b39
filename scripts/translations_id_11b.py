"""Indonesian for the strings of issue 11, task 11b (the meeting record and the priority list)."""

ID = {
    # forms.py
    "1. Opening by the kepala desa\n"
    "2. Presentation of the village's conditions: the 1,000 HPK targets, the convergence "
    "scorecard and its gaps, the state of the services (KPM)\n"
    "3. Presentation of the proposals gathered beforehand\n"
    "4. Discussion of each proposal: the right strategy, whether the village can pay, what "
    "support is needed from the kabupaten\n"
    "5. Agreement on the priority activities (the convergence activity plan)\n"
    "6. Agreement to meet every 3 months for coordination and on next year's stunting target\n"
    "7. Signing of the Berita Acara; the results go into the RKPDes": (
        "1. Pembukaan oleh kepala desa\n"
        "2. Pemaparan kondisi desa: sasaran 1.000 HPK, scorecard konvergensi dan kesenjangannya, "
        "kondisi layanan (KPM)\n"
        "3. Pemaparan usulan kegiatan yang telah dihimpun\n"
        "4. Pembahasan setiap usulan: strategi yang tepat, kemampuan pendanaan desa, dukungan "
        "yang dibutuhkan dari kabupaten\n"
        "5. Kesepakatan kegiatan prioritas (rencana kegiatan konvergensi)\n"
        "6. Kesepakatan rapat koordinasi setiap 3 bulan dan target stunting tahun depan\n"
        "7. Penandatanganan Berita Acara; hasil dimasukkan ke RKPDes"
    ),
    "One name per line, with the role (e.g. Pendamping Desa).": (
        "Satu nama per baris, dengan perannya (mis. Pendamping Desa)."
    ),
    "Share of children 0-23 months stunted (%) that the village aims for next year.": (
        "Persentase (%) anak 0–23 bulan yang stunting yang ditargetkan desa untuk tahun depan."
    ),
    "date": "tanggal",
    "Participants": "Peserta",
    "Fill in the date of the rembuk.": "Isi tanggal rembuk.",
    "Write the date as DD/MM/YYYY.": "Tulis tanggal sebagai HH/BB/TTTT.",
    "Fill in the place of the rembuk.": "Isi tempat rembuk.",
    "Name of the %(head)s": "Nama %(head)s",
    "The rembuk of %(year)s must have a date in %(year)s.": (
        "Rembuk tahun %(year)s harus bertanggal di tahun %(year)s."
    ),
    "The end time must be after the start time.": "Jam selesai harus setelah jam mulai.",
    "Scorecard quarter presented": "Triwulan scorecard yang dipaparkan",
    "Choose one of the quarters in the list.": "Pilih salah satu triwulan dalam daftar.",
    "Fill in the participant's name.": "Isi nama peserta.",
    "Choose the participant's group.": "Pilih kelompok peserta.",
    "Choose the participant's sex.": "Pilih jenis kelamin peserta.",
    "Fill in the estimated cost in rupiah.": "Isi perkiraan biaya dalam rupiah.",
    "The cost cannot be negative.": "Biaya tidak boleh negatif.",
    "Write whole rupiah without cents, e.g. 1.500.000 or 1500000.": (
        "Tulis rupiah bulat tanpa sen, mis. 1.500.000 atau 1500000."
    ),
    "Write the cost in digits, e.g. 1.500.000 or 1500000.": (
        "Tulis biaya dengan angka, mis. 1.500.000 atau 1500000."
    ),
    "This cost is too large (more than Rp 10.000.000.000). Check the zeros.": (
        "Biaya ini terlalu besar (lebih dari Rp 10.000.000.000). Periksa jumlah nolnya."
    ),
    "No single indicator": "Tidak satu indikator tertentu",
    "Not coded yet": "Belum diberi kode",
    "kabupaten code": "kode kabupaten",
    "e.g. January-December, or every month": "mis. Januari–Desember, atau setiap bulan",
    "The scorecard indicator whose gap this activity closes.": (
        "Indikator scorecard yang kesenjangannya ditutup oleh kegiatan ini."
    ),
    "Fill in the activity.": "Isi nama kegiatan.",
    "Choose the service package.": "Pilih paket layanan.",
    "Choose specific or sensitive.": "Pilih spesifik atau sensitif.",
    "Choose the funding source.": "Pilih sumber dana.",
    "This activity code is not in the Permendagri 20/2018 list nor among your kabupaten's codes.": (
        "Kode kegiatan ini tidak ada dalam daftar Permendagri 20/2018 maupun kode kabupaten Anda."
    ),
    "Choose one of the options in the list.": "Pilih salah satu pilihan dalam daftar.",
    "Choose one of the scorecard indicators in the list.": (
        "Pilih salah satu indikator scorecard dalam daftar."
    ),
    "Write the volume as a number, e.g. 12 or 2,5.": "Tulis volume sebagai angka, mis. 12 atau 2,5.",
    "The volume cannot be negative.": "Volume tidak boleh negatif.",
    "This volume is too large.": "Volume ini terlalu besar.",
    "Write the volume with at most 2 decimals.": "Tulis volume dengan paling banyak 2 desimal.",
    "Choose one of the funding sources in the list.": "Pilih salah satu sumber dana dalam daftar.",
    "Fill in the code, e.g. 2.2.90.": "Isi kodenya, mis. 2.2.90.",
    "Fill in the name of the activity.": "Isi nama kegiatan.",
    "Write the code as bidang.sub-bidang.kegiatan, e.g. 2.2.90.": (
        "Tulis kode sebagai bidang.sub-bidang.kegiatan, mis. 2.2.90."
    ),
    "A kabupaten's own code has a kegiatan part from 90 to 99 (e.g. 2.2.90).": (
        "Kode khusus kabupaten memiliki bagian kegiatan 90 sampai 99 (mis. 2.2.90)."
    ),
    "Sub-bidang %(prefix)s is not in the Permendagri 20/2018 list.": (
        "Sub-bidang %(prefix)s tidak ada dalam daftar Permendagri 20/2018."
    ),
    "Your kabupaten already has this code.": "Kabupaten Anda sudah memiliki kode ini.",
    # views_meeting.py
    "validated": "tervalidasi",
    "The rembuk was already saved.": "Rembuk sudah tersimpan.",
    "The rembuk of %(year)s is saved.": "Rembuk tahun %(year)s tersimpan.",
    "The scorecard of quarter %(quarter)s %(year)s is frozen in the rembuk record.": (
        "Scorecard triwulan %(quarter)s %(year)s dibekukan dalam catatan rembuk."
    ),
    "%(name)s is already in the list.": "%(name)s sudah ada dalam daftar.",
    "%(name)s is added.": "%(name)s ditambahkan.",
    "%(name)s is removed.": "%(name)s dihapus.",
    "The proposal is added to the priority list.": "Usulan ditambahkan ke daftar prioritas.",
    "This proposal was already saved.": "Usulan ini sudah tersimpan.",
    "The proposal is saved.": "Usulan tersimpan.",
    "The proposal is removed from the list.": "Usulan dihapus dari daftar.",
    "Code %(code)s is removed.": "Kode %(code)s dihapus.",
    "Code %(code)s is added.": "Kode %(code)s ditambahkan.",
    # templates
    "feeds the %(plan)s %(next)s": "untuk %(plan)s %(next)s",
    "A kelurahan has no Dana Desa: its activities are paid from the dana kelurahan and the "
    "city's APBD.": (
        "Kelurahan tidak menerima Dana Desa: kegiatannya dibiayai dari dana kelurahan dan APBD "
        "kota/kabupaten."
    ),
    "The meeting": "Rapat",
    "Record the rembuk": "Catat rembuk",
    "No rembuk is recorded for this year yet.": "Belum ada rembuk yang dicatat untuk tahun ini.",
    "No rembuk is recorded for this year yet. Fill in what the Berita Acara says; participants "
    "and proposals follow.": (
        "Belum ada rembuk yang dicatat untuk tahun ini. Isi sesuai Berita Acara; peserta dan "
        "usulan menyusul."
    ),
    "Scorecard presented": "Scorecard yang dipaparkan",
    "Formulir 4, quarter %(q)s %(y)s": "Formulir 4, triwulan %(q)s %(y)s",
    "provisional": "sementara",
    "frozen": "dibekukan",
    "Convergence (table 4)": "Konvergensi (tabel 4)",
    "Stunted children": "Anak stunting",
    "Stunting now %(now)s%%": "Stunting saat ini %(now)s%%",
    "Stunting now: no child measured": "Stunting saat ini: belum ada anak yang diukur",
    "target for %(next)s: %(t)s%%": "target %(next)s: %(t)s%%",
    "no target agreed yet": "target belum disepakati",
    "Freeze the scorecard that the meeting saw: later changes to the monthly records will not "
    "change it.": (
        "Bekukan scorecard yang dilihat rapat: perubahan catatan bulanan sesudahnya tidak "
        "mengubahnya."
    ),
    "Freeze again": "Bekukan ulang",
    "Freeze the scorecard": "Bekukan scorecard",
    "Priority list": "Daftar prioritas",
    "Add a proposal": "Tambah usulan",
    "Totals by service package": "Jumlah per paket layanan",
    "Totals by funding source": "Jumlah per sumber dana",
    "proposals": "usulan",
    "No proposal yet.": "Belum ada usulan.",
    "signs": "menandatangani",
    "No participant yet.": "Belum ada peserta.",
    "Add a participant": "Tambah peserta",
    "Back to the rembuk": "Kembali ke rembuk",
    "Freeze the scorecard again?": "Bekukan scorecard lagi?",
    "The rembuk already holds the scorecard of quarter %(q)s %(y)s.": (
        "Rembuk ini sudah menyimpan scorecard triwulan %(q)s %(y)s."
    ),
    "Freezing quarter %(new)s replaces it with today's figures. The earlier one stays in the "
    "record's history.": (
        "Membekukan triwulan %(new)s menggantinya dengan angka hari ini. Yang lama tetap ada "
        "dalam riwayat catatan."
    ),
    "Yes, freeze again": "Ya, bekukan ulang",
    "No, keep the frozen scorecard": "Tidak, pertahankan scorecard yang dibekukan",
    "New proposal": "Usulan baru",
    "Proposal": "Usulan",
    "the path into the %(budget)s is kept on the budget page": (
        "alur ke %(budget)s dicatat di halaman anggaran"
    ),
    "Remove this proposal": "Hapus usulan ini",
    "The proposal leaves the priority list. Its history is kept.": (
        "Usulan keluar dari daftar prioritas. Riwayatnya tetap disimpan."
    ),
    "Yes, remove": "Ya, hapus",
    "Village activity codes": "Kode kegiatan desa",
    "Permendagri 20/2018: the codes of village budget activities that serve stunting "
    "prevention. A kabupaten/kota adds its own codes with a kegiatan part from 90 to 99.": (
        "Permendagri 20/2018: kode kegiatan anggaran desa yang mendukung pencegahan stunting. "
        "Kabupaten/kota menambahkan kodenya sendiri dengan bagian kegiatan 90 sampai 99."
    ),
    "Codes of %(name)s": "Kode %(name)s",
    "No kabupaten code yet.": "Belum ada kode kabupaten.",
    "Add the code": "Tambahkan kode",
    "National list": "Daftar nasional",
    "Stunting target": "Target stunting",
    "Change the meeting details": "Ubah data rapat",
    "All meeting details": "Semua data rapat",
    "Remove": "Hapus",
    "Add": "Tambah",
    "Rembuk documents": "Dokumen rembuk",
    "Berita Acara (print, PDF)": "Berita Acara (cetak, PDF)",
    "Priority list (XLSX)": "Daftar prioritas (XLSX)",
    "Into the %(plan)s and %(budget)s": "Masuk ke %(plan)s dan %(budget)s",
    "Write the target as a number, e.g. 12,5.": "Tulis target sebagai angka, mis. 12,5.",
    "The target must be from 0 to 100.": "Target harus dari 0 sampai 100.",
    "Write the target with at most 2 decimals.": "Tulis target dengan paling banyak 2 desimal.",
    # Fix round A
    "Write at most %(limit_value)d characters (now %(show_value)d).": "Tulis paling banyak %(limit_value)d karakter (sekarang %(show_value)d).",
    "no longer in the list": "sudah tidak ada di daftar",
    "This proposal is allocated in the %(budget)s (Rp %(amount)s). Removing it also removes this amount from the %(budget)s totals and from the table 5 prefill of the Dana Desa form.": "Usulan ini sudah dialokasikan dalam %(budget)s (Rp %(amount)s). Menghapusnya juga menghapus jumlah ini dari total %(budget)s dan dari isian awal tabel 5 formulir Dana Desa.",
    "Code %(code)s is not removed: proposals that use it: %(n)d (%(desa)s). Change their code first.": "Kode %(code)s tidak dihapus: usulan yang memakainya: %(n)d (%(desa)s). Ubah dulu kodenya.",
}
