"""Fix D: what the gaps pages answer to a posyandu or dusun that is not the desa's, to
non-ASCII digits, to a leading zero in the quarter, and how they word a kelurahan."""

from io import BytesIO

from django.test import override_settings
from django.urls import reverse
from openpyxl import load_workbook

from tikar.meetings.tests import data_11a_gaps as data
from tikar.regions.models import Posyandu
from tikar.test import NEGERI_LAMA, BaseTestCase


@override_settings(TIKAR_TODAY=data.TODAY)
class GapPlaceRefusalsTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.t = data.build(cls)

    def targets(self, query, user=None):
        self.login(user or self.sari)
        return self.client.get(reverse("meeting_gap_targets") + query)

    def test_it_refuses_a_posyandu_of_another_desa_or_an_unknown_one(self):
        base = "?indikator=child:weighed&kuartal=2026-1&posyandu="
        other = self.anggrek.pk  # Bandar Kumbul's
        for user, value in ((self.sari, other), (self.sari, 999999), (self.budi, self.melati.pk),
                            (self.dewi, other)):  # fmt: skip
            query = base + str(value)
            if user is self.dewi:
                query += f"&desa={self.sibargot.code}"
            response = self.targets(query, user)
            self.assertEqual(response.status_code, 400, (user.username, value))
            self.assertContains(response, "Posyandu ini tidak terdaftar di Desa", status_code=400)
            self.assertNotContains(response, "Tanpa posyandu", status_code=400)

    def test_it_refuses_non_ascii_digits_and_odd_ids_for_a_posyandu(self):
        pk = self.melati.pk
        arabic = str(pk).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
        for value in (arabic, "²", f"0{pk}", f"+{pk}", f" {pk}", "9" * 40, "-1", "None", ""):
            response = self.targets(f"?indikator=child:weighed&kuartal=2026-1&posyandu={value}")
            self.assertEqual(response.status_code, 400, value)
        # The desa's own posyandu and "none" still work.
        ok = self.targets(f"?indikator=child:measured&kuartal=2026-1&posyandu={pk}")
        self.assertEqual(ok.status_code, 200)
        self.assertContains(ok, "Posyandu: Posyandu Melati")
        inactive = Posyandu.objects.create(village=self.sibargot, name="Lama", active=False)
        ok = self.targets(f"?indikator=child:measured&kuartal=2026-1&posyandu={inactive.pk}")
        self.assertEqual(ok.status_code, 200)  # old quarters name closed posyandu
        self.assertEqual(self.targets("?indikator=child:measured&kuartal=2026-1&posyandu=none")
                         .context["count"], 1)  # fmt: skip

    def test_it_says_an_unknown_dusun_is_not_in_the_register_and_shows_zero(self):
        response = self.targets("?indikator=child:measured&kuartal=2026-1&dusun=XIV")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["count"], 0)
        self.assertContains(response, "Dusun ini tidak ada di daftar rumah tangga Desa Sibargot")
        known = self.targets("?indikator=child:measured&kuartal=2026-1&dusun=I")
        self.assertEqual(known.context["count"], 0)  # a registered dusun with nobody left
        self.assertNotContains(known, 'data-testid="unknown-dusun"')
        self.assertNotContains(self.targets("?indikator=child:measured&kuartal=2026-1&dusun="),
                               'data-testid="unknown-dusun"')  # fmt: skip

    def test_it_refuses_a_dusun_and_a_posyandu_together(self):
        response = self.targets(
            f"?indikator=child:measured&kuartal=2026-1&dusun=II&posyandu={self.melati.pk}"
        )
        self.assertContains(response, "Pilih dusun atau posyandu", status_code=400)

    def test_it_shows_a_leading_zero_quarter_as_quarter_i(self):
        self.login(self.sari)
        response = self.client.get(reverse("meeting_gaps") + "?kuartal=2026-01")
        self.assertEqual(response.status_code, 200)
        self.assertEqual([s["label"] for s in response.context["statuses"]], ["Kuartal I 2026"])
        self.assertContains(response, "<b>Kuartal I 2026:</b>")
        for value in ("٢٠٢٦-١", "2026-١", "２０２６-1", "2026-²"):
            self.assertEqual(self.client.get(reverse("meeting_gaps"), {"kuartal": value})
                             .status_code, 400, value)  # fmt: skip

    def test_it_puts_no_space_before_a_colon(self):
        self.login(self.sari)
        for url in (reverse("meeting_gaps") + "?kuartal=2026-1",
                    reverse("meeting_gap_targets") + "?indikator=child:measured&kuartal=2026-1"):  # fmt: skip
            html = self.client.get(url).content.decode()
            self.assertNotRegex(html, r"</b>\s*:")
            self.assertNotRegex(html, r"\w\s+:\s")

    def test_it_names_a_kelurahan_a_kelurahan(self):
        self.login(self.tono)
        response = self.client.get(reverse("meeting_gaps"), {"desa": NEGERI_LAMA})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Kelurahan ini belum punya kuartal yang divalidasi")
        self.assertNotContains(response, "Desa ini")
        xlsx = self.client.get(reverse("meeting_gaps"), {"desa": NEGERI_LAMA, "format": "xlsx"})
        sheet = load_workbook(BytesIO(xlsx.content))["Celah"]
        self.assertEqual((sheet["A2"].value, sheet["B2"].value[:9]), ("Kelurahan", "Kelurahan"))
        self.login(self.sari)
        self.assertContains(self.client.get(reverse("meeting_gaps")),
                            "Desa ini belum punya kuartal yang divalidasi")  # fmt: skip
