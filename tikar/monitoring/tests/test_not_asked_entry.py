"""A yes/no question left unanswered is "not asked", never "Tidak" (issue 8, section 1).

The monthly entry screen offers Ya / Tidak / Belum diisi with nothing preselected as "Tidak";
the states known from last month stay pre-filled; the register keeps what it knew when the
month's answer is missing; the target page shows "?" for a question not asked.
"""

from __future__ import annotations

import re
from datetime import date
from unittest import mock

from tikar.households.forms import yes_no
from tikar.households.models import Child, Household
from tikar.households.tests.factories import child
from tikar.monitoring.models import ChildVisit
from tikar.monitoring.services import record_month
from tikar.test import BaseTestCase

TODAY = date(2026, 5, 20)
APRIL, MAY = date(2026, 4, 1), date(2026, 5, 1)


def month_url(target, month=MAY) -> str:
    return f"/sasaran/{target.pk}/bulan/{month.year}-{month.month}/"


def checked(page, name: str) -> str | None:
    """The value of the checked radio button of `name` on the page (None: none checked)."""
    html = page.content.decode()
    found = re.findall(
        rf'<input type="radio" name="{name}" value="([^"]*)" id="[^"]*" checked>', html
    )
    return found[0] if found else None


class NotAskedEntryTests(BaseTestCase):
    def setUp(self) -> None:
        clock = mock.patch("django.utils.timezone.localdate", return_value=TODAY)
        clock.start()
        self.addCleanup(clock.stop)
        self.c = child(self.sibargot, self.sari, birth_date=date(2025, 1, 10))
        self.login(self.sari)

    def test_it_stores_an_unanswered_question_as_not_asked_and_a_no_as_no(self) -> None:
        post = {"visit_date": "2026-05-12", "growth_mat": "tidak_diukur", "home_visit": "0"}
        response = self.client.post(month_url(self.c), post)
        self.assertEqual(response.status_code, 302)
        v = ChildVisit.objects.get(child=self.c, month=MAY)
        self.assertIs(v.home_visit, False)
        self.assertIsNone(v.parenting_class)
        self.assertIsNone(v.immunisation_up_to_date)
        self.assertIsNone(v.oedema)

    def test_it_opens_a_new_month_with_no_question_preselected_as_no(self) -> None:
        page = self.client.get(month_url(self.c))
        for name in ("parenting_class", "home_visit", "counselling_mother", "oedema"):
            with self.subTest(name=name):
                self.assertEqual(checked(page, name), "")  # "Belum diisi"
        self.assertContains(page, "Belum diisi")

    def test_it_keeps_last_months_states_pre_filled(self) -> None:
        record_month(self.c, APRIL, {"safe_water": True, "latrine": False}, self.sari)
        page = self.client.get(month_url(self.c))
        self.assertEqual(checked(page, "safe_water"), "1")
        self.assertEqual(checked(page, "latrine"), "0")
        self.assertEqual(checked(page, "parenting_class"), "")  # a service is asked every month

    def test_it_takes_an_answer_back_to_not_asked(self) -> None:
        record_month(self.c, MAY, {"parenting_class": True}, self.sari)
        post = {"visit_date": "2026-05-12", "growth_mat": "tidak_diukur", "parenting_class": ""}
        self.client.post(month_url(self.c), post)
        self.assertIsNone(ChildVisit.objects.get(child=self.c, month=MAY).parenting_class)

    def test_it_keeps_the_registers_known_state_when_the_month_does_not_answer(self) -> None:
        hh = Household.objects.get(pk=self.c.household_id)
        hh.safe_water = True
        hh.save()
        post = {"visit_date": "2026-05-12", "growth_mat": "tidak_diukur", "safe_water": ""}
        self.client.post(month_url(self.c), post)
        hh.refresh_from_db()
        self.assertIs(hh.safe_water, True)

    def test_it_shows_a_register_question_not_asked_on_the_target_page(self) -> None:
        Child.objects.filter(pk=self.c.pk).update(birth_certificate=None, health_insurance=False)
        page = self.client.get(f"/sasaran/{self.c.pk}/")
        self.assertEqual(page.status_code, 200)
        self.assertContains(page, "<dt>Akta lahir</dt><dd>belum diisi</dd>", html=False)
        self.assertContains(page, "<dt>Jaminan kesehatan</dt><dd>tidak</dd>", html=False)

    def test_it_reads_the_three_states_of_a_yes_no_question(self) -> None:
        field = yes_no("x")
        self.assertEqual([field.clean("1"), field.clean("0"), field.clean("")], [True, False, None])
