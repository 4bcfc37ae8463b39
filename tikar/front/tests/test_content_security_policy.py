"""Every response carries a Content-Security-Policy that allows only the site's own code.

The templates hold no inline scripts, event-handler attributes or style attributes, which the
policy would refuse (the browser tests exercise the pages under it).
"""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.urls import reverse

from tikar.test import BaseTestCase


def policy(response) -> dict[str, set[str]]:
    out = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        out[name] = set(values)
    return out


class ContentSecurityPolicyTests(BaseTestCase):
    def test_it_sends_the_policy_on_pages_for_anyone(self) -> None:
        self.login(self.sari)
        for url in (reverse("login"), reverse("home"), "/api/children/", "/tidak-ada/"):
            with self.subTest(url=url):
                csp = policy(self.client.get(url))
                self.assertEqual(csp["script-src"], {"'self'"})
                self.assertEqual(csp["style-src"], {"'self'"})
                self.assertEqual(csp["img-src"], {"'self'", "data:"})
                self.assertEqual(csp["frame-ancestors"], {"'none'"})
                self.assertEqual(csp["default-src"], {"'self'"})

    def test_it_keeps_templates_free_of_what_the_policy_refuses(self) -> None:
        inline = re.compile(
            r"<script(?![^>]*\ssrc=)[^>]*>|\son[a-z]+\s*=|\sstyle\s*=|<style|hx-on|javascript:",
            re.IGNORECASE,
        )
        found = []
        for template in sorted((Path(settings.BASE_DIR) / "tikar").rglob("templates/**/*.html")):
            for number, line in enumerate(template.read_text().splitlines(), 1):
                if inline.search(line):
                    found.append(f"{template.relative_to(settings.BASE_DIR)}:{number}: {line}")
        self.assertEqual(found, [])

    def test_it_turns_off_htmx_inline_indicator_styles(self) -> None:
        self.login(self.sari)
        page = self.client.get(reverse("home")).content.decode()
        self.assertIn('name="htmx-config"', page)
        self.assertIn('"includeIndicatorStyles": false', page)
