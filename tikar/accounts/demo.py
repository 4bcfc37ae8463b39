"""The demo's accounts: who they are and their one published password.

They sit in the accounts app (not in `tikar.front.demo`, which loads them with the rest of the
demo) because the login page lists them in demo mode, and accounts sits below front in the
layers of pyproject.toml [tool.importlinter].
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from tikar.accounts.models import Role, User

DEMO_PASSWORD = "tikar-demo-2026"
REGENCY = "12.10"  # Kabupaten Labuhanbatu
DISTRICT = "12.10.07"  # Kecamatan Bilah Barat


@dataclass(frozen=True)
class DemoUser:
    username: str
    name: str
    role: str
    region: str | None


USERS = [
    DemoUser("sari", "Sari Lubis", Role.KPM, "12.10.07.2001"),
    DemoUser("budi", "Budi Siregar", Role.KPM, "12.10.07.2002"),
    DemoUser("admin.sibargot", "Rahmat Harahap", Role.VILLAGE_ADMIN, "12.10.07.2001"),
    DemoUser("camat.bilahbarat", "Dewi Ritonga", Role.DISTRICT_OFFICER, DISTRICT),
    DemoUser("dinas.labuhanbatu", "Hendra Nasution", Role.REGENCY_OFFICER, REGENCY),
    DemoUser("prov.sumut", "Maria Simanjuntak", Role.PROVINCE_OFFICER, "12"),
    DemoUser("pusat", "Agus Santoso", Role.NATIONAL_ADMIN, None),
]
# The other desa's KPM and Admin Desa: they record and verify the demo population, so every
# record has a maker and a verifier. Not listed on the login page (it would be too long), but
# they log in with the same password.
VILLAGE_USERS = [
    DemoUser("admin.bandarkumbul", "Yusuf Pane", Role.VILLAGE_ADMIN, "12.10.07.2002"),
    DemoUser("kpm.tanjungmedan", "Rina Sitorus", Role.KPM, "12.10.07.2003"),
    DemoUser("admin.tanjungmedan", "Zulkifli Daulay", Role.VILLAGE_ADMIN, "12.10.07.2003"),
    DemoUser("kpm.janji", "Sri Wahyuni", Role.KPM, "12.10.07.2004"),
    DemoUser("admin.janji", "Bambang Purnomo", Role.VILLAGE_ADMIN, "12.10.07.2004"),
    DemoUser("kpm.tebinglinggahara", "Nurhayati Rambe", Role.KPM, "12.10.07.2005"),
    DemoUser("admin.tebinglinggahara", "Syahrial Tanjung", Role.VILLAGE_ADMIN, "12.10.07.2005"),
    DemoUser("kpm.aekburuselatan", "Lasma Manurung", Role.KPM, "12.10.07.2008"),
    DemoUser("admin.aekburuselatan", "Ridwan Pulungan", Role.VILLAGE_ADMIN, "12.10.07.2008"),
]


def demo_users() -> QuerySet[User]:
    """The accounts listed on the login page in demo mode (USERS), with their region."""
    return User.objects.filter(username__in=[d.username for d in USERS]).select_related("region")
