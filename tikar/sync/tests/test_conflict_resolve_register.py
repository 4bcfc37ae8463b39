"""Register records (household, mother, child) get stored conflicts, resolved on the page
through the register's own validation."""

from __future__ import annotations

from tikar.households.models import Child, Household, Mother
from tikar.monitoring.models import Conflict
from tikar.sync.tests.conflicts_base import ConflictTestCase, register_conflict


class ResolveRegisterTests(ConflictTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.household = self.child.household
        # The server's version 2: the Admin Desa corrected the head's name and the posyandu.
        self.household.head_name = "Pak Amir Lubis"
        self.household.posyandu = self.melati
        self.household._history_user = self.rahmat
        self.household.save()
        self.h_conflict = register_conflict(
            self.household,
            {"head_name": "Amir Siregar", "posyandu": None, "rt": "005", "safe_water": True},
            ["head_name", "posyandu"],
            self.sari,
        )
        self.h_url = f"/konflik/{self.h_conflict.pk}/"

    def test_it_shows_a_household_conflict_with_names_not_ids(self) -> None:
        self.login(self.sari)
        listed = self.client.get("/konflik/")
        self.assertContains(listed, "Data rumah tangga")
        page = self.client.get(self.h_url)
        self.assertContains(page, "Kepala rumah tangga")
        self.assertContains(page, "Pak Amir Lubis")
        self.assertContains(page, "Amir Siregar")
        self.assertContains(page, "Posyandu Melati")
        # The posyandu is shown by its name, never its id (the id alone as a shown value).
        self.assertNotRegex(page.content.decode(), rf">\s*{self.melati.pk}\s*<")
        self.assertContains(page, "Simpan pilihan per kolom")  # two fields: a choice per field

    def test_it_applies_the_phones_household_values_with_the_reason(self) -> None:
        self.login(self.sari)
        version = Household.objects.get(pk=self.household.pk).version
        response = self.client.post(self.h_url, {"choice": "phone", "seen_version": version})
        self.assertRedirects(response, "/konflik/", fetch_redirect_response=False)
        h = Household.objects.get(pk=self.household.pk)
        self.assertEqual(
            (h.head_name, h.posyandu_id, h.version), ("Amir Siregar", None, version + 1)
        )
        self.assertEqual(h.rt, "001")  # not a colliding field: not touched by the resolution
        row = h.history.order_by("-history_id").first()
        self.assertEqual(
            row.history_change_reason, f"conflict {self.h_conflict.pk}: phone's values"
        )
        self.assertEqual(row.history_user, self.sari)

    def test_it_takes_the_phones_value_for_the_fields_chosen_one_by_one(self) -> None:
        self.login(self.rahmat)
        version = Household.objects.get(pk=self.household.pk).version
        response = self.client.post(
            self.h_url,
            {
                "choice": "fields",
                "seen_version": version,
                "f_head_name": "phone",
                "f_posyandu": "server",
            },
        )
        self.assertRedirects(response, "/konflik/", fetch_redirect_response=False)
        h = Household.objects.get(pk=self.household.pk)
        self.assertEqual((h.head_name, h.posyandu_id), ("Amir Siregar", self.melati.pk))
        row = h.history.order_by("-history_id").first()
        self.assertEqual(
            row.history_change_reason,
            f"conflict {self.h_conflict.pk}: phone's values for head_name",
        )
        page = self.client.get(self.h_url)
        self.assertContains(page, "data HP dipakai untuk: Kepala rumah tangga")

    def test_it_asks_for_every_field_when_choosing_one_by_one(self) -> None:
        self.login(self.sari)
        response = self.client.post(self.h_url, {"choice": "fields", "f_head_name": "phone"})
        self.assertContains(response, "Pilih nilai server atau nilai HP untuk: Posyandu")
        self.assertIsNone(Conflict.objects.get(pk=self.h_conflict.pk).resolved_at)

    def test_it_refuses_a_phone_value_the_register_refuses_in_words(self) -> None:
        mother = self.child.mother
        conflict = register_conflict(mother, {"nik": "12345"}, ["nik"], self.sari)
        self.login(self.sari)
        response = self.client.post(f"/konflik/{conflict.pk}/", {"choice": "phone"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "NIK harus 16 digit; yang diisi 5 digit.")
        self.assertEqual(Mother.objects.get(pk=mother.pk).nik, mother.nik)
        self.assertIsNone(Conflict.objects.get(pk=conflict.pk).resolved_at)

    def test_it_leaves_a_verified_child_to_the_admin_desa(self) -> None:
        self.child.verify(self.rahmat)
        conflict = register_conflict(
            self.child, {"name": "Intan Sari", "birth_certificate": True}, ["name"], self.sari
        )
        url = f"/konflik/{conflict.pk}/"
        self.login(self.sari)
        response = self.client.post(url, {"choice": "phone"})
        self.assertContains(response, "sudah diverifikasi")
        self.assertEqual(Child.objects.get(pk=self.child.pk).name, "Intan")
        self.login(self.rahmat)
        self.assertRedirects(
            self.client.post(url, {"choice": "phone"}), "/konflik/", fetch_redirect_response=False
        )
        child = Child.objects.get(pk=self.child.pk)
        self.assertEqual(child.name, "Intan Sari")
        self.assertIsNone(child.birth_certificate)  # only the colliding field is resolved
