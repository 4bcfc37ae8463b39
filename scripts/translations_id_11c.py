"""Indonesian for the Berita Acara Rembuk Stunting Desa (task 11c of issue 11)."""

# Shared words ("Total", "Name", "Print", ...) come from the other files.
ID = {
    # The document (meetings/minutes.py, minutes_document.html)
    "Government of %(regency)s": "Pemerintah %(regency)s",
    "Minutes of the Rembuk Stunting Desa": "Berita Acara Rembuk Stunting Desa",
    "Minutes of the Rembuk Stunting Kelurahan": "Berita Acara Rembuk Stunting Kelurahan",
    "Budget year / %(plan)s %(year)s": "Tahun anggaran / %(plan)s %(year)s",
    "On %(day)s, %(date)s, at %(time)s, at %(place)s, the Rembuk Stunting of %(village)s was "
    "held, attended by the participants listed in the annex.": "Pada hari %(day)s tanggal "
    "%(date)s pukul %(time)s bertempat di %(place)s telah dilaksanakan Rembuk Stunting "
    "%(village)s yang dihadiri oleh peserta sebagaimana tercantum dalam daftar hadir terlampir.",
    "On %(day)s, %(date)s, at %(place)s, the Rembuk Stunting of %(village)s was held, attended "
    "by the participants listed in the annex.": "Pada hari %(day)s tanggal %(date)s bertempat "
    "di %(place)s telah dilaksanakan Rembuk Stunting %(village)s yang dihadiri oleh peserta "
    "sebagaimana tercantum dalam daftar hadir terlampir.",
    "1. Facilitators and resource persons": "1. Fasilitator dan narasumber",
    "None recorded.": "Tidak ada yang dicatat.",
    "2. Agenda": "2. Acara",
    "3. The data presented": "3. Data yang dipaparkan",
    "The village's convergence scorecard (Formulir 4) of quarter %(q)s %(y)s was presented.": (
        "Dipaparkan scorecard konvergensi desa (Formulir 4) kuartal %(q)s %(y)s."
    ),
    "The village's convergence scorecard (Formulir 4) of quarter %(q)s %(y)s (%(status)s) was "
    "presented.": (
        "Dipaparkan scorecard konvergensi desa (Formulir 4) kuartal %(q)s %(y)s (%(status)s)."
    ),
    "(Cut: the text is too long to print whole; the full text is on the meeting page.)": (
        "(Dipotong: teks terlalu panjang untuk dicetak seluruhnya; teks lengkap ada di halaman "
        "rembuk.)"
    ),
    "not yet validated": "belum divalidasi",
    "Number": "Jumlah",
    "1.000 HPK households": "Rumah tangga 1.000 HPK",
    "of whom stunted": "di antaranya stunting",
    "Received / expected": "Diterima / seharusnya",
    "Village total": "Total desa",
    "The largest gaps (targets not served):": "Lima kesenjangan terbesar (sasaran belum terlayani):",
    "No.": "No.",
    "Indicator": "Indikator",
    "Target group": "Kelompok sasaran",
    "Not served": "Belum terlayani",
    "Coverage": "Cakupan",
    "No indicator had targets left unserved.": "Tidak ada indikator dengan sasaran yang belum terlayani.",
    "No scorecard was recorded as presented at this meeting.": (
        "Tidak ada scorecard yang tercatat dipaparkan dalam rembuk ini."
    ),
    "4. The agreed priority list": "4. Daftar prioritas kegiatan yang disepakati",
    "Activity": "Kegiatan",
    "Service package": "Paket layanan",
    "Pkg.": "Paket",
    "Volume": "Volume",
    "Estimated cost": "Perkiraan biaya",
    "Funding source": "Sumber dana",
    "Implementer": "Pelaksana",
    "Timing": "Waktu",
    "Activities": "Kegiatan",
    "No activity was agreed.": "Tidak ada kegiatan yang disepakati.",
    "5. Commitments": "5. Komitmen",
    "The participants agreed to meet every 3 months to coordinate and to review the scorecard.": (
        "Peserta sepakat bertemu setiap 3 bulan untuk koordinasi dan membahas scorecard."
    ),
    "No 3-monthly coordination meeting was agreed.": (
        "Tidak disepakati pertemuan koordinasi 3 bulanan."
    ),
    "The stunting target for %(year)s: at most %(percent)s%% of children aged 0-23 months "
    "stunted.": "Target stunting tahun %(year)s: paling banyak %(percent)s%% anak usia 0-23 "
    "bulan mengalami stunting.",
    "No stunting target for %(year)s was agreed.": (
        "Tidak disepakati target stunting tahun %(year)s."
    ),
    "These minutes were drawn up truthfully, to be used as they should be.": (
        "Demikian Berita Acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana "
        "mestinya."
    ),
    "Participant representatives:": "Wakil peserta:",
    "Annex: attendance list": "Lampiran: daftar hadir",
    "Role or institution": "Jabatan / lembaga",
    "Group": "Unsur",
    "M/F": "L/P",
    "Signature": "Tanda tangan",
    "No participant recorded.": "Belum ada peserta yang dicatat.",
    "Male: %(m)s · Female: %(f)s · Total: %(n)s": "Laki-laki: %(m)s · Perempuan: %(f)s · Jumlah: %(n)s",
    # The pages around it (minutes.html, minutes_missing.html, minutes_no_pdf.html)
    "Berita Acara": "Berita Acara",
    "Rembuk %(year)s": "Rembuk %(year)s",
    "Back to the meeting": "Kembali ke rembuk",
    "Priority list (XLSX)": "Daftar prioritas (XLSX)",
    "No Rembuk Stunting of %(village)s has been recorded for %(year)s yet.": (
        "Belum ada rembuk stunting %(village)s yang dicatat untuk tahun %(year)s."
    ),
    "Record the meeting": "Catat rembuk",
    "Open the meeting page": "Buka halaman rembuk",
    "The PDF cannot be made on this server": "PDF tidak dapat dibuat di server ini",
    "The PDF program of this server is not installed completely. Open the print page and press "
    "Print, then choose Save as PDF: it gives the same document.": "Program pembuat PDF di "
    "server ini belum terpasang lengkap. Buka halaman cetak dan tekan Cetak, lalu pilih Simpan "
    "sebagai PDF: hasilnya dokumen yang sama.",
    "Open the print page": "Buka halaman cetak",
    # The XLSX (views_minutes.proposals_workbook)
    "Priority list": "Daftar prioritas",
    "Village code": "Kode desa",
    "Budget year": "Tahun anggaran",
    "Date of the meeting": "Tanggal rembuk",
    "Place": "Tempat",
    "Unit": "Satuan",
    "Estimated cost (Rp)": "Perkiraan biaya (Rp)",
    "Activity code": "Kode kegiatan",
    "Stage": "Tahap",
    "Amount in %(plan)s (Rp)": "Nilai di %(plan)s (Rp)",
    "Amount allocated in %(budget)s (Rp)": "Nilai dialokasikan di %(budget)s (Rp)",
    "Amount realised (Rp)": "Nilai realisasi (Rp)",
    "Proposals": "Usulan",
    "Total by service package": "Jumlah per paket layanan",
    "Total by funding source": "Jumlah per sumber dana",
}
