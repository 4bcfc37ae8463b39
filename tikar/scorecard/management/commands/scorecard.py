"""Print a desa's Formulir 4 (Scorecard Konvergensi Desa) for a quarter.

    python manage.py scorecard --village 12.10.07.2001 --year 2026 --quarter 3 --format json

The JSON is the page's `?format=json`: counts and rupiah as JSON integers, percentages as
strings with two decimals ("87.50") or null (see tikar.scorecard.report). A dirty or never
computed quarter is recomputed first, as the page does.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from tikar.regions.models import Level, Region
from tikar.scorecard import report
from tikar.scorecard.refresh import ensure_fresh


class Command(BaseCommand):
    help = "Print the scorecard (Formulir 4, tables 1-5) of a desa for a quarter."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--village", required=True, help="desa code, e.g. 12.10.07.2001")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--quarter", type=int, required=True, choices=(1, 2, 3, 4))
        parser.add_argument("--format", choices=("json", "xlsx"), default="json")
        parser.add_argument("--output", "-o", help="file for --format xlsx")

    def handle(self, *args, **options) -> None:
        village = Region.objects.filter(code=options["village"], level=Level.VILLAGE).first()
        if village is None:
            raise CommandError(f"Desa {options['village']} tidak ada dalam daftar wilayah.")
        year, quarter = options["year"], options["quarter"]
        ensure_fresh(village.code, year, quarter)
        data = report.scorecard_data(village, year, quarter)
        if options["format"] == "xlsx":
            if not options["output"]:
                raise CommandError("--format xlsx perlu --output FILE.xlsx")
            with open(options["output"], "wb") as f:
                f.write(report.scorecard_xlsx(data))
            return
        self.stdout.write(report.to_json(data), ending="")
