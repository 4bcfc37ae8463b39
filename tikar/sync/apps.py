from django.apps import AppConfig


class SyncConfig(AppConfig):
    """The sync protocol of offline.md: one upload of operations, one download of changes,
    and the people's review of conflicts."""

    name = "tikar.sync"
    label = "sync"
    default_auto_field = "django.db.models.BigAutoField"
