from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tikar.regions.models import Posyandu, Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "level")
    list_filter = ("level",)
    search_fields = ("code", "name")
    raw_id_fields = ("parent",)


@admin.register(Posyandu)
class PosyanduAdmin(SimpleHistoryAdmin):
    list_display = ("name", "dusun", "village", "active")
    search_fields = ("name", "village__name", "village__code")
    raw_id_fields = ("village",)
