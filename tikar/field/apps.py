from django.apps import AppConfig


class FieldConfig(AppConfig):
    """The offline field app (aplikasi lapangan): the installable web app a KPM uses without
    signal. Its pages, manifest, service worker and the reference data it caches."""

    name = "tikar.field"
    label = "field"
    default_auto_field = "django.db.models.BigAutoField"
