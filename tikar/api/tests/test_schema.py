"""The OpenAPI description generates, validates and has no warnings."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.core.management import call_command
from django.test import SimpleTestCase, override_settings


class SchemaTests(SimpleTestCase):
    @override_settings(DEBUG=True)
    def test_it_generates_a_valid_schema_without_warnings(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "schema.yaml"
            # --fail-on-warn turns any warning into a CommandError, so reaching the end passes.
            call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
            text = out.read_text()
        self.assertIn("/api/child-visits/", text)
        self.assertIn("confirm_warnings", text)
