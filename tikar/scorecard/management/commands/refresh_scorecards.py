"""Recompute every desa quarter marked dirty since its last computation.

Pages already recompute a dirty quarter when someone opens it; run this after a bulk import or
from a nightly timer so that the pages rarely have to.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from tikar.scorecard.refresh import refresh_dirty


class Command(BaseCommand):
    help = "Recompute the stored quarterly results of every dirty desa quarter."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--limit", type=int, default=None, help="at most this many quarters")

    def handle(self, *args, **options) -> None:
        start = time.perf_counter()
        done = refresh_dirty(options["limit"])
        self.stdout.write(
            f"{done} kuartal desa dihitung ulang ({time.perf_counter() - start:.1f} s)"
        )
