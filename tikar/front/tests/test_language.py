from tikar.test import BaseTestCase


class LanguageTestCase(BaseTestCase):
    def test_it_speaks_bahasa_indonesia_by_default(self):
        r = self.client.get("/masuk/")
        self.assertContains(r, '<html lang="id">')
        self.assertContains(r, "Masuk")

    def test_it_switches_to_english_and_remembers_it(self):
        self.login(self.sari)
        self.client.post("/i18n/setlang/", {"language": "en", "next": "/"})
        r = self.client.get("/")
        self.assertContains(r, '<html lang="en">')
        self.assertContains(r, "Log out")

    def test_it_stays_in_bahasa_indonesia_on_a_phone_set_to_english(self):
        r = self.client.get("/masuk/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
        self.assertContains(r, '<html lang="id">')
