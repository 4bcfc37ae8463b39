"""Fill VillageQuarterTotal for the desa quarters computed before the table existed.

It calls the live `totals.backfill` (not historical models) on purpose: the totals must be
counted exactly as the refresh counts them, and one implementation is kept. On a fresh
database there is nothing to fill and nothing is imported. The same backfill is
`manage.py refresh_scorecards --totals`, should a later schema ever make this step fail.
"""

from django.db import migrations


def forwards(apps, schema_editor) -> None:
    QuarterResult = apps.get_model("scorecard", "QuarterResult")
    if not QuarterResult.objects.exists():
        return
    from tikar.scorecard.totals import backfill

    backfill()


class Migration(migrations.Migration):
    dependencies = [
        ("scorecard", "0005_village_quarter_total"),
        ("monitoring", "0004_weight_gain"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
