from django.core.management.base import BaseCommand
from django.db import transaction

from tikar.regions.loader import DATA_FILE, load_regions
from tikar.regions.models import Region


class Command(BaseCommand):
    help = "Load (or update) the Kemendagri region list shipped with Tikar. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(DATA_FILE), help="CSV with columns kode,nama")

    def handle(self, *args, file, **options):
        from pathlib import Path

        with transaction.atomic():
            result = load_regions(Region, Path(file))
        self.stdout.write(
            f"regions: {result.created} created, {result.renamed} renamed, "
            f"{result.unchanged} unchanged"
        )
