from io import StringIO

from django.core.management import call_command
from django.test import TestCase

from tikar.accounts.models import Role, User
from tikar.front.demo import DEMO_PASSWORD
from tikar.regions.models import Posyandu


class DemoTestCase(TestCase):
    def test_it_loads_one_user_per_role_in_labuhanbatu_and_prints_the_logins(self):
        out = StringIO()
        call_command("load_demo", stdout=out)
        self.assertEqual(set(User.objects.values_list("role", flat=True)), set(Role.values))
        self.assertIn("sari", out.getvalue())
        self.assertIn(DEMO_PASSWORD, out.getvalue())
        self.assertTrue(User.objects.get(username="sari").check_password(DEMO_PASSWORD))
        villages = set(Posyandu.objects.values_list("village_id", flat=True))
        self.assertGreaterEqual(len(villages), 5)
        self.assertTrue(all(v.startswith("12.10.") for v in villages))

    def test_it_does_not_duplicate_anything_when_loaded_twice(self):
        call_command("load_demo", stdout=StringIO())
        counts = (User.objects.count(), Posyandu.objects.count())
        call_command("load_demo", stdout=StringIO())
        self.assertEqual((User.objects.count(), Posyandu.objects.count()), counts)

    def test_it_lists_the_demo_logins_on_the_login_page_in_demo_mode_only(self):
        call_command("load_demo", stdout=StringIO())
        self.assertNotContains(self.client.get("/masuk/"), DEMO_PASSWORD)
        with self.settings(TIKAR_DEMO=True):
            self.assertContains(self.client.get("/masuk/"), DEMO_PASSWORD)
