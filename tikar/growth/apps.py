from django.apps import AppConfig


class GrowthConfig(AppConfig):
    name = "tikar.growth"
    default_auto_field = "django.db.models.BigAutoField"
