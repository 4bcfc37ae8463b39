from django.core.management.base import BaseCommand

from tikar.front.demo import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the demo kabupaten (Labuhanbatu) with posyandu and one user per role. Idempotent."

    def handle(self, *args, **options):
        users = load_demo()
        self.stdout.write(self.style.SUCCESS("Demo loaded. Log in at http://127.0.0.1:8000 with:"))
        for u in users:
            where = f"{u.region.name} ({u.region.code})" if u.region else "Indonesia"
            self.stdout.write(f"  {u.username:<20} {u.get_role_display():<32} {where}")
        self.stdout.write(f"  password for all: {DEMO_PASSWORD}")
