"""Bahasa Indonesia for "what each target still needs this quarter" (issue 10, helper C);
source strings are English (tikar/posyandu/views_needs.py, templates/posyandu/needs_*.html,
the links on the home and reports pages). The needs themselves are written in Indonesian by
the pure module tikar/scorecard/needs.py."""

ID = {
    "Still needed this quarter": "Kebutuhan kuartal ini",
    "Still needed this quarter (scorecard)": "Kebutuhan kuartal ini (scorecard)",
    "Quarter %(q)s": "Kuartal %(q)s",
    "This quarter has been validated by the Admin Desa: its figures can no longer change.": (
        "Kuartal ini sudah divalidasi Admin Desa: angkanya tidak dapat berubah lagi."
    ),
    "convergence now": "konvergensi sekarang",
    "services still possible": "layanan masih bisa dikejar",
    "if all are done": "jika semua dilakukan",
    "Services given and recorded from %(month)s until the end of the quarter that turn a T "
    "(not received) of Formulir 3a/3b into a Y. Each one raises the village's convergence "
    "level by %(p)s points.": (
        "Layanan yang diberikan dan dicatat mulai %(month)s sampai akhir kuartal yang mengubah T "
        "(tidak diterima) di Formulir 3a/3b menjadi Y. Setiap layanan menaikkan tingkat "
        "konvergensi desa %(p)s poin."
    ),
    "Computed %(at)s": "Dihitung %(at)s",
    "Posyandu:": "Posyandu:",
    "all": "semua",
    "Without posyandu": "Tanpa posyandu",
    "Open the target's page": "Buka halaman sasaran",
    "Services: %(n)s · +%(p)s points if all are done": (
        "Layanan: %(n)s · +%(p)s poin jika semua dilakukan"
    ),
    "services: %(n)s": "layanan: %(n)s",
    "+%(p)s points": "+%(p)s poin",
    "Nothing left that can still be turned this quarter.": (
        "Tidak ada lagi yang masih bisa dikejar kuartal ini."
    ),
}
