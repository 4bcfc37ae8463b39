"""The field app's pages on the server side: the shell needs a village login, the manifest is
a valid installable manifest with real icons, the service worker lists files that exist and
changes its version when they (or the salt) change."""

import json
import struct

from django.contrib.staticfiles import finders
from django.test import override_settings

from tikar.field import views
from tikar.test import BaseTestCase


def png_size(path: str) -> tuple[int, int]:
    with open(path, "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


class TestPwaPages(BaseTestCase):
    def test_it_sends_a_visitor_to_the_login_with_the_app_as_next(self):
        response = self.client.get("/lapangan/")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(response["Location"], "/masuk/?next=/lapangan/")

    def test_it_refuses_the_shell_to_an_officer(self):
        self.client.force_login(self.dewi)
        self.assertEqual(self.client.get("/lapangan/").status_code, 403)

    def test_it_renders_the_shell_for_a_kpm_with_manifest_words_and_csrf_cookie(self):
        self.client.force_login(self.sari)
        response = self.client.get("/lapangan/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn('<link rel="manifest" href="/lapangan/manifest.webmanifest">', html)
        self.assertIn('<main id="app"', html)
        self.assertIn('id="field-messages" type="application/json"', html)
        self.assertIn("csrftoken", response.cookies)
        self.assertIn("no-cache", response["Cache-Control"])
        config = json.loads(
            html.split('id="field-config" type="application/json">')[1].split("</script>")[0]
        )
        self.assertEqual(config["user"]["village_code"], "12.10.07.2001")
        self.assertEqual(config["user"]["username"], "sari")
        messages = json.loads(
            html.split('id="field-messages" type="application/json">')[1].split("</script>")[0]
        )
        self.assertEqual(messages["sync_now"], "Kirim sekarang")
        self.assertEqual(messages["unsent_count"], "{n} belum terkirim")

    def test_it_serves_an_installable_manifest_with_maskable_icons(self):
        response = self.client.get("/lapangan/manifest.webmanifest")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/manifest+json")
        data = json.loads(response.content)
        self.assertEqual(data["name"], "Tikar Lapangan")
        self.assertEqual(data["start_url"], "/lapangan/")
        self.assertEqual(data["scope"], "/lapangan/")
        self.assertEqual(data["display"], "standalone")
        self.assertEqual(data["theme_color"], "#1f6f5c")
        sizes = set()
        for icon in data["icons"]:
            path = finders.find(icon["src"].removeprefix("/static/"))
            self.assertIsNotNone(path, icon["src"])
            width, height = png_size(path)
            self.assertEqual(f"{width}x{height}", icon["sizes"])
            sizes.add((icon["sizes"], icon["purpose"]))
        self.assertIn(("512x512", "maskable"), sizes)
        self.assertIn(("192x192", "any"), sizes)

    def test_it_serves_the_service_worker_as_uncached_javascript_listing_real_files(self):
        response = self.client.get("/lapangan/sw.js")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("text/javascript"))
        self.assertEqual(response["Cache-Control"], "no-cache")
        body = response.content.decode()
        config = json.loads(body.split("self.TIKAR_SW = ")[1].split(";\n")[0])
        urls = {entry["url"] for entry in config["precache"]}
        self.assertIn("/static/field/db.js", urls)
        self.assertIn("/static/field/vendor/dexie/dexie.mjs", urls)
        self.assertIn("/static/css/tikar.css", urls)
        self.assertFalse(any(u.endswith((".map", "LICENSE")) for u in urls))
        for url in urls:
            self.assertIsNotNone(finders.find(url.removeprefix("/static/")), url)
        self.assertEqual(
            config["data"],
            [
                "/lapangan/manifest.webmanifest",
                "/lapangan/data/who2006.json",
                "/lapangan/data/rules.json",
            ],
        )
        self.assertIn('importScripts("/static/field/vendor/workbox/workbox-sw.js")', body)
        self.assertNotIn("googleapis", body)

    def test_it_changes_the_app_version_with_the_salt(self):
        first, _ = views._build_precache("")
        second, _ = views._build_precache("deploy-2")
        self.assertNotEqual(first, second)
        self.assertEqual(first, views._build_precache("")[0])

    @override_settings(STATIC_URL="/s/")
    def test_it_lists_both_the_static_and_the_plain_url_when_they_differ(self):
        # With the manifest storage static() gives hashed names; ES modules import plain ones.
        original = views.static
        views.static = lambda rel: "/s/" + rel.replace(".js", ".abc123.js")
        try:
            _, entries = views._build_precache("")
        finally:
            views.static = original
        urls = {e["url"] for e in entries}
        self.assertIn("/s/field/db.js", urls)
        self.assertIn("/s/field/db.abc123.js", urls)

    def test_it_links_the_field_app_from_the_village_home_only(self):
        self.client.force_login(self.sari)
        html = self.client.get("/").content.decode()
        self.assertIn('href="/lapangan/"', html)
        self.assertIn("Aplikasi lapangan (bisa tanpa sinyal)", html)
        self.client.force_login(self.hendra)
        self.assertNotIn('href="/lapangan/"', self.client.get("/").content.decode())
