from django.apps import AppConfig


class ScorecardConfig(AppConfig):
    name = "tikar.scorecard"
    default_auto_field = "django.db.models.BigAutoField"
