"""Recompute every desa quarter marked dirty since its last computation.

The worker does this on its own (tasks.refresh_dirty_quarters); run it by hand after a bulk
import, or with `--totals` to fill the per-desa totals (VillageQuarterTotal) of quarters
computed before they existed (migration 0006 does the same once).
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from tikar.scorecard.refresh import refresh_dirty


class Command(BaseCommand):
    help = "Recompute the stored quarterly results of every dirty desa quarter."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--limit", type=int, default=None, help="at most this many quarters")
        parser.add_argument(
            "--totals",
            action="store_true",
            help="first fill the missing per-desa quarter totals from the stored results",
        )

    def handle(self, *args, **options) -> None:
        start = time.perf_counter()
        if options["totals"]:
            from tikar.scorecard.totals import backfill

            filled = backfill(self.stdout)
            self.stdout.write(f"{filled} total kuartal desa diisi")
        done = refresh_dirty(options["limit"])
        self.stdout.write(
            f"{done} kuartal desa dihitung ulang ({time.perf_counter() - start:.1f} s)"
        )
