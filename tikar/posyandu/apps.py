from django.apps import AppConfig


class PosyanduConfig(AppConfig):
    """The posyandu's half of the work: attention lists, SKDN, e-PPGBM and data quality.

    It reads the register and the monthly records and sits above both (and above the scorecard,
    whose rules give "what each target still needs this quarter"); nothing below imports it.
    """

    name = "tikar.posyandu"
    default_auto_field = "django.db.models.BigAutoField"
