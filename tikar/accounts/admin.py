from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from tikar.accounts.models import User


@admin.register(User)
class TikarUserAdmin(SimpleHistoryAdmin, UserAdmin):
    list_display = ("username", "first_name", "role", "region", "is_active")
    list_filter = ("role", "is_active")
    search_fields = ("username", "first_name", "region__code", "region__name")
    raw_id_fields = ("region", "created_by")
    fieldsets = UserAdmin.fieldsets + (("Tikar", {"fields": ("role", "region", "phone")}),)
