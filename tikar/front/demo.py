"""The demo: Kabupaten Labuhanbatu (Sumatera Utara) with real region codes, posyandu, one
user per role (listed on the login page in demo mode), a KPM and an Admin Desa in every demo
desa, and the demo population (`tikar.front.demo_population`: hundreds of targets per desa
with 18 months of monthly records). Loading it twice changes nothing (users and posyandu are
get-or-create by natural key; a desa that already has a register is not populated again).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.hashers import make_password
from django.db import transaction

from tikar.accounts.demo import DEMO_PASSWORD, USERS, VILLAGE_USERS
from tikar.accounts.models import User
from tikar.activities import demo as activities_demo
from tikar.front.demo_population import PopulationSummary, populate
from tikar.meetings import demo as meetings_demo
from tikar.regions.models import Posyandu, Region

# Six desa of Bilah Barat, with the posyandu each runs (name, dusun).
VILLAGES: dict[str, list[tuple[str, str]]] = {
    "12.10.07.2001": [("Posyandu Melati", "I"), ("Posyandu Mawar", "III")],
    "12.10.07.2002": [("Posyandu Anggrek", "II"), ("Posyandu Kenanga", "IV")],
    "12.10.07.2003": [("Posyandu Dahlia", "I")],
    "12.10.07.2004": [("Posyandu Cempaka", "II"), ("Posyandu Seroja", "V")],
    "12.10.07.2005": [("Posyandu Teratai", "III")],
    "12.10.07.2008": [("Posyandu Flamboyan", "I"), ("Posyandu Kamboja", "II")],
}


@dataclass
class DemoResult:
    users: list[User]  # the listed ones, in USERS order
    population: PopulationSummary | None  # None when skipped


def load_demo(*, population: bool = True, today: date | None = None) -> DemoResult:
    """Regions' posyandu, the demo users and (unless `population=False`) the population.

    `today` pins the population's reference date (tests); by default the local date.
    """
    with transaction.atomic():
        for code, posts in VILLAGES.items():
            village = Region.objects.get(code=code)
            for name, dusun in posts:
                Posyandu.objects.get_or_create(
                    village=village, name=name, defaults={"dusun": dusun}
                )
        # One hash for every demo account: hashing is deliberately slow (about 0.5 s each
        # with PBKDF2), and the demo's accounts all share one published password anyway.
        password = None
        users = []
        for d in USERS + VILLAGE_USERS:
            user, created = User.objects.get_or_create(
                username=d.username,
                defaults={"first_name": d.name, "role": d.role, "region_id": d.region},
            )
            if created:
                password = password or make_password(DEMO_PASSWORD)
                user.password = password
                user.save(update_fields=["password"])
            users.append(user)
    summary = populate(VILLAGES, today=today) if population else None
    if population:
        # The rembuk of the year with its priority list and budget path, and the KPM's
        # activity log and training (each idempotent, like the population).
        meetings_demo.load(list(VILLAGES), today=today)
        activities_demo.load(list(VILLAGES), today=today)
    return DemoResult(users[: len(USERS)], summary)
