"""Loads the full Kemendagri 2025 region list on install (idempotent, like the command)."""

from django.db import migrations


def load(apps, schema_editor):
    from tikar.regions.loader import load_regions

    load_regions(apps.get_model("regions", "Region"))


class Migration(migrations.Migration):
    dependencies = [("regions", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop, elidable=False)]
