from django.apps import AppConfig


class ScorecardConfig(AppConfig):
    name = "tikar.scorecard"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The monthly records ask the quarter lock through tikar.monitoring.locks; the scorecard
        # owns QuarterLock and answers (monitoring never imports the scorecard).
        from tikar.monitoring import locks as monitoring_locks
        from tikar.scorecard import corrections, locks

        monitoring_locks.register(
            monitoring_locks.LockChecker(locks.is_locked, locks.locked_message)
        )
        # A corrected birth date marks the quarters it changes (tikar.households.signals).
        corrections.connect()
