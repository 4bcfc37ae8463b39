from io import StringIO

from django.core.management import call_command
from django.test import TestCase

from tikar.regions.models import Level, Region


class RegionListTestCase(TestCase):
    def test_it_has_every_kemendagri_2025_region_after_install(self):
        counts = {lvl: Region.objects.filter(level=lvl).count() for lvl in Level.values}
        self.assertEqual(
            counts,
            {Level.PROVINCE: 38, Level.REGENCY: 514, Level.DISTRICT: 7285, Level.VILLAGE: 83762},
        )

    def test_it_changes_nothing_when_loaded_again(self):
        before = list(Region.objects.values_list("code", "name", "parent_id").order_by("code"))
        out = StringIO()
        call_command("load_regions", stdout=out)
        self.assertIn("0 created, 0 renamed, 91599 unchanged", out.getvalue())
        after = list(Region.objects.values_list("code", "name", "parent_id").order_by("code"))
        self.assertEqual(before, after)

    def test_it_applies_a_renamed_region_from_a_newer_list(self):
        Region.objects.filter(code="12.10.07.2001").update(name="Nama Lama")
        call_command("load_regions", stdout=StringIO())
        self.assertEqual(Region.objects.get(code="12.10.07.2001").name, "Sibargot")

    def test_it_links_each_region_to_its_parent(self):
        desa = Region.objects.get(code="12.10.07.2001")
        self.assertEqual(desa.parent_id, "12.10.07")
        self.assertEqual([r.code for r in desa.ancestors()], ["12", "12.10", "12.10.07"])
        self.assertFalse(Region.objects.filter(level__gt=1, parent__isnull=True).exists())

    def test_it_tells_desa_from_kelurahan_by_the_code(self):
        self.assertEqual(Region.objects.get(code="12.10.07.2001").village_kind, "desa")
        self.assertEqual(Region.objects.get(code="12.10.01.1001").village_kind, "kelurahan")
        self.assertEqual(str(Region.objects.get(code="12.10.01.1001").kind_label), "Kelurahan")
        self.assertEqual(Region.objects.get(code="91.03.01.3007").village_kind, "desa_adat")

    def test_it_tells_kabupaten_from_kota_by_the_code(self):
        self.assertEqual(str(Region.objects.get(code="12.10").kind_label), "Kabupaten")
        self.assertEqual(str(Region.objects.get(code="12.71").kind_label), "Kota")
