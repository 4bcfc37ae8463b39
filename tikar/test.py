"""Shared test base: named personas in the real demo regions (Kabupaten Labuhanbatu).

- Sari: KPM of Desa Sibargot (12.10.07.2001)
- Budi: KPM of the neighbouring Desa Bandar Kumbul (12.10.07.2002)
- Rahmat: Admin Desa of Sibargot
- Yusuf: Admin Desa of Bandar Kumbul
- Dewi: kecamatan officer of Bilah Barat (12.10.07)
- Hendra: kabupaten officer of Labuhanbatu (12.10)
- Tono: kecamatan officer of Bilah Hilir (12.10.08), the next kecamatan
- Agus: national administrator

The region list comes from the data migration, as in production.
"""

from __future__ import annotations

from django.test import TestCase

from tikar.accounts.models import Role, User
from tikar.regions.models import Posyandu, Region

PASSWORD = "kata-sandi-uji-123"

SIBARGOT = "12.10.07.2001"
BANDAR_KUMBUL = "12.10.07.2002"
BILAH_BARAT = "12.10.07"
BILAH_HILIR = "12.10.08"
NEGERI_LAMA = "12.10.08.1001"  # a kelurahan in Bilah Hilir
LABUHANBATU = "12.10"


def make_user(username: str, role: str, region: str | None, **extra) -> User:
    user = User(username=username, first_name=username.capitalize(), role=role, region_id=region)
    for k, v in extra.items():
        setattr(user, k, v)
    user.set_password(PASSWORD)
    user.save()
    return user


class BaseTestCase(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.sibargot = Region.objects.get(code=SIBARGOT)
        cls.bandar_kumbul = Region.objects.get(code=BANDAR_KUMBUL)
        cls.sari = make_user("sari", Role.KPM, SIBARGOT)
        cls.budi = make_user("budi", Role.KPM, BANDAR_KUMBUL)
        cls.rahmat = make_user("rahmat", Role.VILLAGE_ADMIN, SIBARGOT)
        cls.yusuf = make_user("yusuf", Role.VILLAGE_ADMIN, BANDAR_KUMBUL)
        cls.dewi = make_user("dewi", Role.DISTRICT_OFFICER, BILAH_BARAT)
        cls.tono = make_user("tono", Role.DISTRICT_OFFICER, BILAH_HILIR)
        cls.hendra = make_user("hendra", Role.REGENCY_OFFICER, LABUHANBATU)
        cls.agus = make_user("agus", Role.NATIONAL_ADMIN, None)
        cls.melati = Posyandu.objects.create(
            village=cls.sibargot, name="Posyandu Melati", dusun="I"
        )
        cls.anggrek = Posyandu.objects.create(
            village=cls.bandar_kumbul, name="Posyandu Anggrek", dusun="II"
        )

    def login(self, user: User) -> None:
        self.client.force_login(user)
