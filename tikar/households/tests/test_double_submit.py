"""A register form sent twice (double tap, retry, eight at once) registers its people once."""

from __future__ import annotations

import re
from datetime import date
from unittest import mock

from django.test import Client

from tikar.households.models import Child, Household, Mother, Pregnancy
from tikar.households.tests.concurrency import ConcurrentTestCase, at_once
from tikar.households.tests.test_register_screens import (
    URL,
    child_data,
    household_data,
    pregnancy_data,
)
from tikar.test import BaseTestCase

TODAY = date(2026, 5, 20)


def screen_two_token(client: Client, kind: str) -> str:
    """Screen 1 posted as the KPM does; the token screen 2 was rendered with."""
    response = client.post(URL, household_data(step="household", **{"hh-kind": kind}))
    match = re.search(r'name="once" value="([0-9a-f-]{36})"', response.content.decode())
    assert match, "screen 2 carries no submission token"
    return match.group(1)


class DoubleSubmitTests(BaseTestCase):
    def setUp(self) -> None:
        clock = mock.patch("django.utils.timezone.localdate", return_value=TODAY)
        clock.start()
        self.addCleanup(clock.stop)
        self.login(self.sari)

    def test_it_registers_a_child_once_when_the_form_is_sent_twice(self) -> None:
        data = child_data(once=screen_two_token(self.client, "child"))
        first = self.client.post(URL, data)
        second = self.client.post(URL, data)
        child = Child.objects.get()
        self.assertRedirects(first, f"/sasaran/{child.pk}/")
        self.assertRedirects(second, f"/sasaran/{child.pk}/")
        self.assertEqual((Household.objects.count(), Mother.objects.count()), (1, 1))
        # The second answer is the first one's result, not a "may be a duplicate" question.
        page = self.client.get(second["Location"])
        self.assertContains(page, "Putri")

    def test_it_registers_a_pregnancy_once_when_the_form_is_sent_twice(self) -> None:
        data = pregnancy_data(once=screen_two_token(self.client, "pregnancy"))
        self.client.post(URL, data)
        second = self.client.post(URL, data)
        pregnancy = Pregnancy.objects.get()
        self.assertRedirects(second, f"/sasaran/{pregnancy.pk}/")
        self.assertEqual((Household.objects.count(), Mother.objects.count()), (1, 1))

    def test_it_registers_again_from_a_new_screen(self) -> None:
        # A second child of the same name, entered on a fresh form, is a new registration
        # (the likely-duplicate question then applies as before).
        self.client.post(URL, child_data(once=screen_two_token(self.client, "child")))
        other = child_data(once=screen_two_token(self.client, "child"), **{"c-name": "Ani"})
        self.client.post(URL, other)
        self.assertEqual(Child.objects.count(), 2)

    def test_it_never_gives_budi_saris_registration_for_her_token(self) -> None:
        data = child_data(once=screen_two_token(self.client, "child"))
        self.client.post(URL, data)
        saris = Child.objects.get()
        self.login(self.budi)
        response = self.client.post(URL, data)
        self.assertNotEqual(response["Location"], f"/sasaran/{saris.pk}/")
        self.assertEqual(self.client.get(f"/sasaran/{saris.pk}/").status_code, 404)
        self.assertEqual(Child.objects.filter(village=self.bandar_kumbul).count(), 1)


class ConcurrentDoubleSubmitTests(ConcurrentTestCase):
    def setUp(self) -> None:
        super().setUp()
        clock = mock.patch("django.utils.timezone.localdate", return_value=TODAY)
        clock.start()
        self.addCleanup(clock.stop)

    def test_it_stores_one_household_mother_and_child_for_eight_posts_at_once(self) -> None:
        clients = []
        for _ in range(8):
            client = Client()
            client.force_login(self.sari)
            clients.append(client)
        data = child_data(once=screen_two_token(clients[0], "child"))

        responses, errors = at_once(8, lambda i: clients[i].post(URL, data))

        self.assertEqual(errors, [])
        self.assertEqual([r.status_code for r in responses], [302] * 8)
        child = Child.objects.get()
        self.assertEqual({r["Location"] for r in responses}, {f"/sasaran/{child.pk}/"})
        self.assertEqual((Household.objects.count(), Mother.objects.count()), (1, 1))


class OtherCreatingFormsTests(BaseTestCase):
    """The other page forms that create a row have a natural key the database holds unique
    (posyandu name per desa, Dana Desa and Formulir 1 per desa and year): sent twice, they
    store one row and answer without an error page."""

    def setUp(self) -> None:
        clock = mock.patch("django.utils.timezone.localdate", return_value=TODAY)
        clock.start()
        self.addCleanup(clock.stop)
        self.login(self.rahmat)

    def test_it_stores_one_posyandu_when_its_form_is_sent_twice(self) -> None:
        from tikar.regions.models import Posyandu

        for _ in range(2):
            response = self.client.post("/posyandu/baru/", {"name": "Mawar", "dusun": "III"})
            self.assertLess(response.status_code, 500)
        self.assertEqual(Posyandu.objects.filter(village=self.sibargot, name="Mawar").count(), 1)

    def test_it_stores_one_dana_desa_year_when_its_form_is_sent_twice(self) -> None:
        from tikar.scorecard.models import DanaDesa

        data = {
            "development_total": "100000000",
            "development_stunting": "20000000",
            "empowerment_total": "50000000",
            "empowerment_stunting": "10000000",
        }
        for _ in range(2):
            response = self.client.post("/dana-desa/2026/", data)
            self.assertLess(response.status_code, 500)
        self.assertEqual(DanaDesa.objects.filter(village=self.sibargot, year=2026).count(), 1)

    def test_it_stores_one_formulir_1_year_when_its_form_is_sent_twice(self) -> None:
        from tikar.monitoring.models import VillageYear

        for _ in range(2):
            response = self.client.post("/formulir-1/2026/", {"f-posyandu": "2"})
            self.assertLess(response.status_code, 500)
        self.assertEqual(VillageYear.objects.filter(village=self.sibargot, year=2026).count(), 1)


class ResentAfterDeleteTests(BaseTestCase):
    def setUp(self) -> None:
        clock = mock.patch("django.utils.timezone.localdate", return_value=TODAY)
        clock.start()
        self.addCleanup(clock.stop)
        self.login(self.sari)

    def test_it_registers_anew_when_the_form_is_resent_after_its_child_was_deleted(self) -> None:
        data = child_data(once=screen_two_token(self.client, "child"))
        self.client.post(URL, data)
        first = Child.objects.get()
        first.soft_delete(self.sari)
        response = self.client.post(URL, data | {"c-confirm_duplicate": "on"})
        second = Child.objects.alive().get()
        self.assertNotEqual(second.pk, first.pk)
        self.assertRedirects(response, f"/sasaran/{second.pk}/")
