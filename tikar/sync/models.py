"""Models of the sync protocol (see tikar/sync/protocol.py and docs/offline.md)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from tikar.regions.models import Region


class SyncOperation(models.Model):
    """One upload operation the server has done, remembered by the phone's `op_id`.

    Written in the same transaction as the operation's change (protocol.apply_operation), so
    a replay of the op_id (a lost answer, a retry, a duplicated batch) returns `result`, the
    answer of the first run, and changes nothing; a server killed mid-operation leaves neither
    the change nor this row. Refused operations are not remembered: they changed nothing, and
    resending them runs them again (the parent may have arrived, the quarter been reopened).
    """

    op_id = models.UUIDField(primary_key=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    village = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    device_id = models.CharField(max_length=64, blank=True)
    kind = models.CharField(max_length=20)
    record_id = models.UUIDField(null=True, blank=True)
    outcome = models.CharField(max_length=20)
    result = models.JSONField()  # the answer given, as sent to the phone
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "sync operation"
        indexes = [
            # Serves "the operations that touched this record": the conflict page's "sent by
            # which device" (WHERE record_id = %s AND result->'conflict'->>'id' = %s), support.
            models.Index(fields=["record_id"], name="syncoperation_record"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.record_id} {self.outcome}"
