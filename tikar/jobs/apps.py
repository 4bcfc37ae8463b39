from django.apps import AppConfig


class JobsConfig(AppConfig):
    """The background worker's own bookkeeping: files prepared for download, worker heartbeats.

    Low in the house (it imports only regions and accounts by model name), so every app that
    queues a job (workbooks, scorecard) can use it without an upward import.
    """

    name = "tikar.jobs"
    label = "jobs"
    default_auto_field = "django.db.models.BigAutoField"
