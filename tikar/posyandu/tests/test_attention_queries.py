"""attention_for_village on the real database: the seeded desa's list, filters, sort."""

from django.test import override_settings

from tikar.posyandu.attention_queries import attention_for_village
from tikar.posyandu.tests import attention_desa as d
from tikar.test import SIBARGOT, BaseTestCase


@override_settings(TIKAR_TODAY=d.TODAY_SETTING)
class AttentionQueriesTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.k = d.seed(cls)

    def items(self, **kw):
        return {i.name: i for i in attention_for_village(SIBARGOT, d.TODAY, **kw)}

    def test_it_lists_the_flat_stunted_child_with_both_reasons(self):
        ani = self.items()["Ani"]
        codes = [r.code for r in ani.reasons]
        self.assertEqual(codes, ["two_t", "stunted"])
        self.assertIn("Stunting sejak Januari 2026", ani.reasons[1].text)
        self.assertEqual(ani.level, "rujuk")
        self.assertEqual(ani.url, f"/sasaran/{self.k['ani'].id}/")
        self.assertEqual(ani.posyandu, "Posyandu Melati")
        self.assertEqual(ani.mother, "Ibu Ani")
        self.assertEqual(ani.age, "12 bulan")
        self.assertTrue(ani.whatsapp.startswith("https://wa.me/6281234567890?text="))

    def test_it_lists_the_mothers(self):
        items = self.items()
        self.assertEqual([r.code for r in items["Ibu Rina"].reasons], ["kek"])
        maya = items["Ibu Maya"]
        self.assertEqual([r.code for r in maya.reasons], ["due_soon"])
        self.assertEqual(maya.posyandu, "Posyandu Melati")  # the household's posyandu
        self.assertEqual((maya.dusun, maya.rt), ("II", "003"))
        self.assertTrue(maya.whatsapp.startswith("https://wa.me/?text="))

    def test_it_leaves_out_the_well_child_and_the_other_desa(self):
        names = set(self.items())
        self.assertNotIn("Bagus", names)
        self.assertNotIn("Dodi", names)

    def test_it_sorts_rujuk_first(self):
        names = [i.name for i in attention_for_village(SIBARGOT, d.TODAY)]
        self.assertEqual(names, ["Ani", "Ibu Rina", "Ibu Maya"])

    def test_it_keeps_one_posyandu(self):
        self.assertEqual(
            set(self.items(posyandu_id=self.melati.pk)), {"Ani", "Ibu Rina", "Ibu Maya"}
        )
        self.assertEqual(self.items(posyandu_id=self.anggrek.pk), {})

    def test_it_drops_closed_and_deleted_targets(self):
        ani = self.k["ani"]
        ani.closed_at = d.TODAY
        ani.save()
        self.assertNotIn("Ani", self.items())
