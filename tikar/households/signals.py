"""Marks the audit rows of changes made to a target after its verification."""

from __future__ import annotations

from django.dispatch import receiver
from simple_history.signals import pre_create_historical_record


@receiver(pre_create_historical_record, dispatch_uid="tikar_changed_after_verification")
def flag_change_after_verification(sender, instance, history_instance, **kwargs) -> None:
    if hasattr(history_instance, "changed_after_verification"):
        history_instance.changed_after_verification = getattr(
            instance, "_changed_after_verification", False
        )
