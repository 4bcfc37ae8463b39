from django.apps import AppConfig


class HouseholdsConfig(AppConfig):
    name = "tikar.households"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tikar.households import signals  # noqa: F401 (connects the history flag)
