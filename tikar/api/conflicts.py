"""The API serializer's validation of a phone's values for a register record in a conflict.

`tikar.monitoring.services.resolve_conflict` takes this function as its `register_values`
argument (from the API's conflict endpoint and the sync app's review page): the register's
rules live in the API's serializers, above monitoring in the layers of pyproject.toml
[tool.importlinter], so monitoring does not import them.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.translation import gettext as _

from tikar.api import serializers as s
from tikar.households.models import Child, Household, Mother, Pregnancy

# The serializer of each register model: the same as the sync protocol's (sync.protocol.REGISTER).
SERIALIZERS: dict[type[models.Model], type[s.SyncedSerializer]] = {
    Household: s.HouseholdSerializer,
    Mother: s.MotherSerializer,
    Pregnancy: s.PregnancySerializer,
    Child: s.ChildSerializer,
}


def register_values(record: models.Model, chosen: dict[str, Any], user) -> dict[str, Any]:
    """The phone's values of a register record, validated as the API validates an update.

    `record`: a Household, Mother, Pregnancy or Child; `chosen`: {field name: the phone's raw
    JSON value}. The serializer's rules are the register's (the model's clean(), NIK form, KIA
    number unique in the desa, a child's mother of its household, related rows of the user's
    desa). Warnings (a NIK to check, a likely duplicate) count as confirmed: a sync never
    blocks on them, and the person choosing sees the values. Returns {field name: Python
    value}; raises ValidationError keyed by field with the messages in Bahasa Indonesia.
    """
    serializer_class = SERIALIZERS[type(record)]
    data = {**chosen, "base_version": record.version, "confirm_warnings": True}
    # The scoped foreign keys read the user from context["request"].user, as outside a request
    # in the sync protocol (sync.protocol.serializer_context).
    context = {"request": SimpleNamespace(user=user)}
    serializer = serializer_class(record, data=data, partial=True, context=context)
    if not serializer.is_valid():
        errors: dict[str, list[str]] = {}
        for name, messages in serializer.errors.items():
            if name in ("warnings", "confirm_warnings"):
                continue
            key = NON_FIELD_ERRORS if name == "non_field_errors" else name
            errors[key] = [str(m) for m in messages if isinstance(m, str)]
        raise ValidationError(errors or {NON_FIELD_ERRORS: [_("The phone's values are refused.")]})
    return {n: v for n, v in serializer.validated_data.items() if n in chosen}
