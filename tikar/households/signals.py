"""The register's signals: the audit flag of changes after verification, and the two moments of
a child's correction that the layers above follow.

A child's birth date and sex are the source of values stored above the register (z-scores and
age on each monthly record, dirty scorecard quarters). The register does not import those
layers: `Child.save` / `Child.clean` send these signals and the monthly records
(tikar.monitoring.corrections) and the scorecard (tikar.scorecard.corrections) connect to them
in their AppConfig.ready().
"""

from __future__ import annotations

from django.dispatch import Signal, receiver
from simple_history.signals import pre_create_historical_record


@receiver(pre_create_historical_record, dispatch_uid="tikar_changed_after_verification")
def flag_change_after_verification(sender, instance, history_instance, **kwargs) -> None:
    if hasattr(history_instance, "changed_after_verification"):
        history_instance.changed_after_verification = getattr(
            instance, "_changed_after_verification", False
        )


# Sent before a stored child with a changed birth date is saved (and by its clean()), with
# `child`. Each receiver returns a list of Problem (errors make the save refuse).
child_correction_check = Signal()

# Sent inside the saving transaction after a stored child's birth date or sex changed, with
# `child`, `old_birth`, `old_sex`. Each receiver returns the validated (locked) quarters whose
# figures stay as validated, as [(year, quarter)] (or [] / None).
child_corrected = Signal()
