from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    """The Rembuk Stunting Desa and what follows it: gaps, the meeting, its Berita Acara
    (minutes), the priority list and each proposal's path into the village budget.

    It reads the scorecard (gaps, the frozen snapshot, table 5) and the register, and sits above
    both; nothing below imports it.
    """

    name = "tikar.meetings"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Rembuk Stunting Desa"
