from django.core.management.base import BaseCommand

from tikar.front.demo import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = (
        "Load the demo kabupaten (Labuhanbatu): posyandu, one user per role and the demo "
        "population (hundreds of targets per desa, 18 months of records). Idempotent."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--no-population",
            action="store_true",
            help="Only the regions' posyandu and the users, without targets and records (fast).",
        )

    def handle(self, *args, **options) -> None:
        result = load_demo(population=not options["no_population"])
        if result.population is not None:
            self.stdout.write(result.population.line())
        self.stdout.write(self.style.SUCCESS("Demo loaded. Log in with:"))
        for u in result.users:
            where = f"{u.region.name} ({u.region.code})" if u.region else "Indonesia"
            self.stdout.write(f"  {u.username:<20} {u.get_role_display():<32} {where}")
        self.stdout.write(f"  password for all: {DEMO_PASSWORD}")
