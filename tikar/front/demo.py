"""The demo: Kabupaten Labuhanbatu (Sumatera Utara) with real region codes, posyandu and one
user per role. Loading it twice changes nothing (everything is get-or-create by natural key).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from tikar.accounts.models import Role, User
from tikar.regions.models import Posyandu, Region

DEMO_PASSWORD = "tikar-demo-2026"
REGENCY = "12.10"  # Kabupaten Labuhanbatu
DISTRICT = "12.10.07"  # Kecamatan Bilah Barat
# Six desa of Bilah Barat, with the posyandu each runs (name, dusun).
VILLAGES: dict[str, list[tuple[str, str]]] = {
    "12.10.07.2001": [("Posyandu Melati", "I"), ("Posyandu Mawar", "III")],
    "12.10.07.2002": [("Posyandu Anggrek", "II"), ("Posyandu Kenanga", "IV")],
    "12.10.07.2003": [("Posyandu Dahlia", "I")],
    "12.10.07.2004": [("Posyandu Cempaka", "II"), ("Posyandu Seroja", "V")],
    "12.10.07.2005": [("Posyandu Teratai", "III")],
    "12.10.07.2008": [("Posyandu Flamboyan", "I"), ("Posyandu Kamboja", "II")],
}


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


@transaction.atomic
def load_demo() -> list[User]:
    for code, posts in VILLAGES.items():
        village = Region.objects.get(code=code)
        for name, dusun in posts:
            Posyandu.objects.get_or_create(village=village, name=name, defaults={"dusun": dusun})
    users = []
    for d in USERS:
        user, created = User.objects.get_or_create(
            username=d.username,
            defaults={"first_name": d.name, "role": d.role, "region_id": d.region},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        users.append(user)
    return users


def demo_users():
    return User.objects.filter(username__in=[d.username for d in USERS]).select_related("region")
