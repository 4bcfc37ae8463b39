"""In a real headless Chromium at phone size, against the app served as `make run` serves it."""

from tikar.browser import login
from tikar.front.demo import DEMO_PASSWORD


class TestBrowserLogin:
    def test_it_logs_sari_in_to_her_desa_on_a_phone(self, live_app, phone):
        login(phone, live_app, "sari", DEMO_PASSWORD)
        assert phone.locator("h1").inner_text() == "Desa Sibargot"
        assert phone.locator(".mainnav").is_visible()
        # Nothing may stick out sideways at 360 px: a cheap phone must not scroll horizontally.
        assert phone.evaluate("document.documentElement.scrollWidth") <= 360

    def test_it_shows_a_wrong_password_as_a_message_not_an_error_page(self, live_app, phone):
        login(phone, live_app, "sari", "salah-sandi")
        assert phone.url.endswith("/masuk/")
        assert "kata sandi salah" in phone.locator(".error").inner_text()

    def test_it_switches_the_interface_to_english(self, live_app, phone):
        login(phone, live_app, "budi", DEMO_PASSWORD)
        phone.click("button[value=en]")
        phone.wait_for_load_state("networkidle")
        assert phone.locator("html").get_attribute("lang") == "en"
        phone.click(".navmenu summary")  # "Log out" is under the Menu
        assert phone.locator(".mainnav").inner_text().count("Log out") == 1
