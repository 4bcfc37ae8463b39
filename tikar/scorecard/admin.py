from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tikar.scorecard.models import DanaDesa, QuarterLock, QuarterReopening, RuleChoice


@admin.register(RuleChoice)
class RuleChoiceAdmin(SimpleHistoryAdmin):
    list_display = ("regency", "year", "anc_standard", "pnc_standard")


@admin.register(QuarterLock)
class QuarterLockAdmin(SimpleHistoryAdmin):
    list_display = ("village", "year", "quarter", "locked_at", "locked_by")
    readonly_fields = ("locked_at", "locked_by")


@admin.register(QuarterReopening)
class QuarterReopeningAdmin(admin.ModelAdmin):
    list_display = ("lock", "reopened_at", "reopened_by")


@admin.register(DanaDesa)
class DanaDesaAdmin(SimpleHistoryAdmin):
    list_display = ("village", "year", "development_total", "empowerment_total")
