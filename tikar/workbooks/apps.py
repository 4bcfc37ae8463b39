from django.apps import AppConfig


class WorkbooksConfig(AppConfig):
    """Excel import of registers and monthly data, and XLSX export of the monthly forms."""

    name = "tikar.workbooks"
    default_auto_field = "django.db.models.BigAutoField"
