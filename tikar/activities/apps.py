from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    """The KPM's duties that are not monthly forms (sosialisasi, fathers, community,
    coordination), officers' view of each KPM's activity and timeliness, and the kabupaten's
    KPM training. It reads the register and the monthly records; nothing below imports it.
    """

    name = "tikar.activities"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Kegiatan KPM"
