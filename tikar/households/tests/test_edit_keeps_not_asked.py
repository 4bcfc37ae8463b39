"""A correction screen opens with each unanswered yes/no question still unanswered.

Found by a new user: the child's edit screen showed "Tidak" ticked for a question never asked,
so saving a birth-date correction stored "no" for the birth certificate and the insurance.
"""

from __future__ import annotations

import re
from datetime import date
from unittest import mock

from django.urls import reverse

from tikar.households.models import Child
from tikar.households.tests.factories import child
from tikar.test import BaseTestCase

TODAY = date(2026, 5, 20)


def checked_value(page: str, name: str) -> str | None:
    """The value of the checked radio button named `name` ("" = Belum diisi), or None."""
    for tag in re.findall(r"<input[^>]*>", page):
        if f'name="{name}"' in tag and " checked" in tag:
            return re.search(r'value="([^"]*)"', tag).group(1)
    return None


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class EditKeepsNotAskedTests(BaseTestCase):
    def test_it_opens_the_child_screen_with_unanswered_questions_unanswered(self, _) -> None:
        c = child(self.sibargot, self.sari, birth_certificate=None, health_insurance=True)
        self.login(self.sari)
        page = self.client.get(reverse("target_edit", args=[c.pk])).content.decode()
        self.assertEqual(checked_value(page, "c-birth_certificate"), "")
        self.assertEqual(checked_value(page, "c-health_insurance"), "1")

    def test_it_keeps_not_asked_when_the_screen_is_saved_as_it_opened(self, _) -> None:
        c = child(self.sibargot, self.sari, birth_certificate=None, health_insurance=None)
        self.login(self.sari)
        page = self.client.get(reverse("target_edit", args=[c.pk])).content.decode()
        prefix = "c-"
        form = {}
        for tag in re.findall(r"<input[^>]*>", page):
            name = re.search(r'name="([^"]*)"', tag)
            value = re.search(r'value="([^"]*)"', tag)
            if not name or not name.group(1).startswith(prefix):
                continue
            if 'type="radio"' in tag and " checked" not in tag:
                continue
            form[name.group(1)] = value.group(1) if value else ""
        form[f"{prefix}birth_date"] = "2025-01-11"
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]*)"', page)
        if csrf:
            form["csrfmiddlewaretoken"] = csrf.group(1)
        self.client.post(reverse("target_edit", args=[c.pk]), form)
        c = Child.objects.get(pk=c.pk)
        self.assertEqual(c.birth_date, date(2025, 1, 11))
        self.assertIsNone(c.birth_certificate)
        self.assertIsNone(c.health_insurance)
