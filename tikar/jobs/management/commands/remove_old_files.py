"""`manage.py remove_old_files [--days N]`: delete prepared files older than N days.

The worker does this at start and every hour; this command is for a cron job or by hand.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from tikar.jobs.files import remove_old_files


class Command(BaseCommand):
    help = "Delete prepared export files older than TIKAR_EXPORT_KEEP_DAYS (or --days) days."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--days", type=int, default=settings.TIKAR_EXPORT_KEEP_DAYS)

    def handle(self, *args: Any, **options: Any) -> None:
        removed = remove_old_files(options["days"])
        self.stdout.write(f"{removed} file(s) removed")
