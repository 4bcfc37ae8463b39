"""``manage.py zscore``: the batch z-scores of ``tikar.growth.batch`` as a management command.

    python manage.py zscore INPUT.csv -o OUTPUT.csv [--summary] [--summary-out FILE.csv]
                                      [--by region] [--chunk-size 100000]

Everything (options, messages, output) is ``tikar.growth.batch``; the same run without Django
is the ``tikar-zscore`` console script.  It needs no database and, like every command that
serves no web request, no SECRET_KEY (tikar/settings.py).
"""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tikar.growth.batch import DESCRIPTION, BatchError, ZscoreBatch, add_arguments


class Command(BaseCommand):
    help = DESCRIPTION
    requires_system_checks: list[str] = []  # reads and writes files only
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        add_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        # The CSV and the report go to the underlying streams: Django's OutputWrapper would
        # style or re-encode them, and the CSV must pass through byte for byte.
        stdout = getattr(self.stdout, "_out", sys.stdout)
        stderr = getattr(self.stderr, "_out", sys.stderr)
        try:
            ZscoreBatch(stdout, stderr).run(**options)
        except BatchError as error:
            raise CommandError(str(error)) from None
