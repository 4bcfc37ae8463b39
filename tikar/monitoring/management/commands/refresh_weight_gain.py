"""``manage.py refresh_weight_gain [--region CODE]``: recompute the stored N/T/O/B judgements.

Every child with a monthly record in the region (a code or code prefix: a desa, kecamatan,
kabupaten or province; everywhere without it) is judged again with its kabupaten's KBM table
(`tikar.monitoring.weighing.refresh_region`). Run it after a deploy that changes the rules or
the KBM data; the pages run it themselves after a kabupaten changes its table.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tikar.monitoring.weighing import refresh_region
from tikar.regions.models import Region


class Command(BaseCommand):
    help = "Recompute the stored weight-gain judgement (N/T/O/B, 2T) of children's weighings."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--region", default="", help="region code, e.g. 12.10 (default all)")

    def handle(self, *args: Any, **options: Any) -> None:
        code = (options["region"] or "").strip()
        if code and not Region.objects.filter(code=code).exists():
            raise CommandError(f"Kode wilayah tidak dikenal: {code}")
        changed = refresh_region(code or None)
        self.stdout.write(f"{changed} catatan penimbangan diperbarui.")
