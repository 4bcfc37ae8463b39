from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "tikar.monitoring"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # A corrected birth date or sex re-scores the visits (tikar.households.signals).
        from tikar.monitoring import corrections

        corrections.connect()
