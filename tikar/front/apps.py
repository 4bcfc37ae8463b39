from django.apps import AppConfig


class FrontConfig(AppConfig):
    name = "tikar.front"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Before any URLconf is loaded: the URLs use <year:...>, <month:...>, <quarter:...>.
        from tikar.converters import register

        register()
