"""Serializers of the API: the register, the monthly records, Formulir 1, conflicts, regions.

Validation is the model layer's (offline.md 7): the serializers build the record as it would
be saved and run its `clean()`, whose messages are already in Bahasa Indonesia and keyed by
field. NIK findings that are only warnings (an unknown kecamatan prefix, a sex or birth date
that does not match) do not refuse the input: they come back as a `warnings` list, and the
client resends with `confirm_warnings: true` once the user has confirmed them. Only warnings
the change itself brings are asked about, so editing the address of a mother whose (confirmed)
NIK carries a warning does not ask again.

A record that is a tombstone (`deleted_at` set) is represented by `id`, `deleted_at` and
`change_seq` only: the phone needs to know it is gone, not what it held.
"""

from __future__ import annotations

import copy
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Model
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.serializers import as_serializer_error

from tikar.accounts.scope import scoped
from tikar.households.duplicates import as_problems, record_duplicates
from tikar.households.models import Child, Household, Mother, Pregnancy, SyncedModel
from tikar.households.nik import normalise
from tikar.households.problems import Problem
from tikar.monitoring import rules
from tikar.monitoring.models import ChildVisit, Conflict, PaudRecord, PregnancyVisit, VillageYear
from tikar.monitoring.services import CONFLICT, CREATED, MERGED, UNCHANGED, UPDATED
from tikar.regions.models import Posyandu, Region

from .filters import MONTH_FORMATS

SYNC_READ_ONLY = ("village", "version", "change_seq", "created_at", "updated_at", "deleted_at")
TARGET_READ_ONLY = (*SYNC_READ_ONLY, "verified_at", "verified_by")

CONFIRM_MESSAGE = _(
    "Check the warnings with the family. If the data is right, send it again with "
    "confirm_warnings: true."
)
NOT_IN_DESA = _("No such record in your desa: {pk_value}.")
ID_HELP = _(
    "Made by the client (UUID4). Sending the same id twice is the same create: the second "
    "answer is the stored record with status 200."
)


def tombstone(record: SyncedModel) -> dict[str, Any]:
    """What a deleted record looks like to a phone: enough to drop its copy."""
    return {
        "id": str(record.pk),
        "deleted_at": serializers.DateTimeField().to_representation(record.deleted_at),
        "change_seq": record.change_seq,
    }


def problem_dict(problem: Problem) -> dict[str, str]:
    return {
        "field": problem.field or "non_field_errors",
        "code": problem.code,
        "message": problem.message,
    }


@extend_schema_field({"type": "string", "pattern": r"^\d{4}-\d{2}(-01)?$", "example": "2026-05"})
class MonthField(serializers.DateField):
    """A month as YYYY-MM (or its first day, YYYY-MM-01)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(input_formats=MONTH_FORMATS, **kwargs)


class ProblemSerializer(serializers.Serializer):
    """A warning: the rule's stable code and what to check, in Bahasa Indonesia."""

    field = serializers.CharField()
    code = serializers.CharField()
    message = serializers.CharField()


class ValidationErrorSerializer(serializers.Serializer):
    """400: `{field: [message, ...]}` for every refused field, plus the warnings.

    `confirm_warnings` is present when the only thing missing is the user's confirmation of
    `warnings`; nothing was saved.
    """

    non_field_errors = serializers.ListField(child=serializers.CharField(), required=False)
    confirm_warnings = serializers.ListField(child=serializers.CharField(), required=False)
    warnings = ProblemSerializer(many=True, required=False)


class ScopedRelatedField(serializers.PrimaryKeyRelatedField):
    """A foreign key the user may write to: only records of their own desa can be named."""

    default_error_messages = {"does_not_exist": NOT_IN_DESA}

    def __init__(self, model: type[Model], *, alive: bool = True, **kwargs: Any) -> None:
        self.model = model
        self.alive = alive
        super().__init__(**kwargs)

    def get_queryset(self):
        request = self.context.get("request")
        qs = self.model.objects.all()
        if request is None:
            return qs.none()
        if self.alive and hasattr(qs, "alive"):
            qs = qs.alive()
        return scoped(qs, request.user, write=True)


# --------------------------------------------------------------------------------------------
# Register (households, mothers, pregnancies, children) and Formulir 1


class SyncedSerializer(serializers.ModelSerializer):
    """The common columns and the create/update contract of every synced record."""

    id = serializers.UUIDField(required=False, help_text=ID_HELP)
    base_version = serializers.IntegerField(
        write_only=True,
        required=False,
        min_value=0,
        help_text=_(
            "Updates only, required: the version the client last saw. Fields the server "
            "changed since then that the client also changed are a conflict (409)."
        ),
    )
    confirm_warnings = serializers.BooleanField(
        write_only=True,
        required=False,
        default=False,
        help_text=_("True once the user has confirmed the warnings of an earlier answer."),
    )

    class Meta:
        validators: list = []  # uniqueness is checked in words in extra_problems()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.base_version: int | None = None
        self.new_warnings: list[dict[str, str]] = []

    def to_representation(self, instance: SyncedModel) -> dict[str, Any]:
        if instance.deleted_at is not None:
            return tombstone(instance)
        return super().to_representation(instance)

    # -- hooks --------------------------------------------------------------------------------

    def extra_problems(self, candidate: SyncedModel) -> dict[str, list[str]]:
        """Errors the model's clean() does not know (uniqueness, relations between parents)."""
        return {}

    def record_warnings(self, record: SyncedModel) -> list[Problem]:
        return record.warnings() if hasattr(record, "warnings") else []

    # -- validation ---------------------------------------------------------------------------

    def candidate(self, attrs: dict[str, Any]) -> SyncedModel:
        """The record as it would be saved: the stored one with the changes, or a new one."""
        if self.instance is not None:
            record = copy.copy(self.instance)
        else:
            record = self.Meta.model()
        for name, value in attrs.items():
            setattr(record, name, value)
        return record

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        self.base_version = attrs.pop("base_version", None)
        confirmed = attrs.pop("confirm_warnings", False)
        if self.instance is not None:
            attrs.pop("id", None)  # the primary key never changes
            if self.base_version is None:
                raise serializers.ValidationError(
                    {"base_version": [_("Send the version of the record you last saw.")]}
                )
            if self.base_version > self.instance.version:
                raise serializers.ValidationError(
                    {"base_version": [_("This version is newer than the server's record.")]}
                )
        record = self.candidate(attrs)
        errors: dict[str, list] = {}
        try:
            record.clean()
        except DjangoValidationError as exc:
            errors.update(as_serializer_error(exc))
        for name, messages in self.extra_problems(record).items():
            errors.setdefault(name, []).extend(messages)
        known = {p.code for p in self.record_warnings(self.instance)} if self.instance else set()
        new_warnings = [
            problem_dict(p) for p in self.record_warnings(record) if p.code not in known
        ]
        if errors:
            if new_warnings:
                errors["warnings"] = new_warnings
            raise serializers.ValidationError(errors)
        if new_warnings and not confirmed:
            raise serializers.ValidationError(
                {"confirm_warnings": [CONFIRM_MESSAGE], "warnings": new_warnings}
            )
        # Read by the sync, which saves confirmed and lists them (the phone cannot ask).
        self.new_warnings = new_warnings
        return attrs


class WarningsMixin(serializers.Serializer):
    warnings = serializers.SerializerMethodField(
        help_text=_("Confirmed warnings the stored record still carries (e.g. about its NIK).")
    )

    @extend_schema_field(ProblemSerializer(many=True))
    def get_warnings(self, record) -> list[dict[str, str]]:
        return [problem_dict(p) for p in record.warnings()]


class HouseholdSerializer(SyncedSerializer):
    posyandu = ScopedRelatedField(Posyandu, required=False, allow_null=True)

    class Meta(SyncedSerializer.Meta):
        model = Household
        exclude = ["created_by"]
        read_only_fields = TARGET_READ_ONLY


def _nik_or_none(value: str | None) -> str | None:
    # People type NIKs with spaces and dots from the family card; store the digits, and NULL
    # (not "") for "no NIK".
    return normalise(value) or None


class MotherSerializer(WarningsMixin, SyncedSerializer):
    household = ScopedRelatedField(Household)
    # Longer than 16 so that a wrong length gets the model's explanation, not "too long".
    nik = serializers.CharField(required=False, allow_null=True, allow_blank=True, max_length=40)

    class Meta(SyncedSerializer.Meta):
        model = Mother
        exclude = ["created_by"]
        read_only_fields = SYNC_READ_ONLY

    def validate_nik(self, value: str | None) -> str | None:
        return _nik_or_none(value)

    def record_warnings(self, record: Mother) -> list[Problem]:
        # The page's likely-duplicate question, asked of every path that adds a person.
        return record.warnings() + as_problems(record_duplicates(record))


class PregnancySerializer(SyncedSerializer):
    mother = ScopedRelatedField(Mother)
    posyandu = ScopedRelatedField(Posyandu, required=False, allow_null=True)

    class Meta(SyncedSerializer.Meta):
        model = Pregnancy
        exclude = ["created_by"]
        read_only_fields = TARGET_READ_ONLY

    def extra_problems(self, candidate: Pregnancy) -> dict[str, list[str]]:
        # The database refuses a No Register KIA used twice in a desa; say it in words first.
        if not candidate.kia_number or candidate.mother_id is None:
            return {}
        taken = (
            Pregnancy.objects.alive()
            .filter(village_id=candidate.mother.village_id, kia_number=candidate.kia_number)
            .exclude(pk=candidate.pk)
            .exists()
        )
        if taken:
            return {"kia_number": [_("This No Register KIA is already used in this desa.")]}
        return {}


class ChildSerializer(WarningsMixin, SyncedSerializer):
    household = ScopedRelatedField(Household)
    mother = ScopedRelatedField(Mother, required=False, allow_null=True)
    born_from = ScopedRelatedField(Pregnancy, required=False, allow_null=True)
    posyandu = ScopedRelatedField(Posyandu, required=False, allow_null=True)
    nik = serializers.CharField(
        required=False,
        allow_null=True,
        allow_blank=True,
        max_length=40,
        help_text=_("The child's own 16-digit NIK, or empty. Never the temporary number."),
    )
    temp_number = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=40,
        help_text=_("A newborn's temporary number (mother's NIK + 1 digit) until the NIK."),
    )

    class Meta(SyncedSerializer.Meta):
        model = Child
        exclude = ["created_by"]
        read_only_fields = TARGET_READ_ONLY

    def validate_nik(self, value: str | None) -> str | None:
        return _nik_or_none(value)

    def validate_temp_number(self, value: str) -> str:
        return normalise(value)

    def record_warnings(self, record: Child) -> list[Problem]:
        # The page's likely-duplicate question, asked of every path that adds a person.
        return record.warnings() + as_problems(record_duplicates(record))

    def extra_problems(self, candidate: Child) -> dict[str, list[str]]:
        problems: dict[str, list[str]] = {}
        if candidate.mother_id and candidate.mother.household_id != candidate.household_id:
            problems["mother"] = [_("The mother must belong to the child's household.")]
        if (
            candidate.born_from_id
            and candidate.mother_id
            and candidate.born_from.mother_id != candidate.mother_id
        ):
            problems["born_from"] = [_("This pregnancy is not the mother's.")]
        return problems


class VillageYearSerializer(SyncedSerializer):
    class Meta(SyncedSerializer.Meta):
        model = VillageYear
        exclude = ["created_by"]
        read_only_fields = SYNC_READ_ONLY

    def extra_problems(self, candidate: VillageYear) -> dict[str, list[str]]:
        request = self.context["request"]
        village = candidate.village_id or request.user.region_id
        taken = (
            VillageYear.objects.alive()
            .filter(village_id=village, year=candidate.year)
            .exclude(pk=candidate.pk)
            .exists()
        )
        if taken:
            return {"year": [_("Formulir 1 of this year already exists; change that one.")]}
        return {}


# --------------------------------------------------------------------------------------------
# Monthly records (Formulir 2a / 2b / 2c)


class MonthlyRecordSerializer(serializers.ModelSerializer):
    """A stored monthly record, as read."""

    def to_representation(self, instance) -> dict[str, Any]:
        if instance.deleted_at is not None:
            return tombstone(instance)
        return super().to_representation(instance)


class PregnancyVisitSerializer(MonthlyRecordSerializer):
    class Meta:
        model = PregnancyVisit
        exclude = ["created_by"]


class ChildVisitSerializer(MonthlyRecordSerializer):
    nutrition_status = serializers.SerializerMethodField(
        help_text=_(
            "Status gizi computed from this month's measurement (WHO 2006). "
            '"tidak_dapat_dinilai": a WHO implausible-value flag (flen, fwei, fwfl) means the '
            "status cannot be judged from this measurement; an empty list means judged normal."
        )
    )

    class Meta:
        model = ChildVisit
        exclude = ["created_by"]

    @extend_schema_field(
        serializers.ListField(
            child=serializers.ChoiceField(
                choices=[rules.STUNTING, rules.GIZI_BURUK, rules.GIZI_KURANG, rules.UNJUDGED]
            )
        )
    )
    def get_nutrition_status(self, record: ChildVisit) -> list[str]:
        return sorted(record.nutrition_status)


class PaudRecordSerializer(MonthlyRecordSerializer):
    class Meta:
        model = PaudRecord
        exclude = ["created_by"]


class MonthlyInputSerializer(serializers.ModelSerializer):
    """What a client sends for a month: only the fields it sends are recorded.

    `month` accepts YYYY-MM. On a create, `base_version` is the version of this month's
    record the phone last saw: 0 when the phone made the record offline without having seen
    the server's (two phones, one month: disagreeing fields become a conflict); leave it out
    only for an online entry that edits whatever is stored.
    """

    id = serializers.UUIDField(required=False, help_text=ID_HELP)
    month = MonthField(help_text=_("YYYY-MM"))
    base_version = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=0,
        help_text=_(
            "The version of this month's record the client last saw (0: never saw one). "
            "Required on updates."
        ),
    )
    confirm_warnings = serializers.BooleanField(
        required=False,
        default=False,
        help_text=_("True once the user has confirmed the warnings of an earlier answer."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        target = self.Meta.model.TARGET_FIELD
        self.fields[target] = ScopedRelatedField(
            self.Meta.target_model, alive=False, required=self.instance is None
        )
        if self.instance is not None:
            self.fields["month"].required = False
        if "posyandu" in self.fields:
            self.fields["posyandu"] = ScopedRelatedField(Posyandu, required=False, allow_null=True)


def _input_serializer(model, target_model) -> type[MonthlyInputSerializer]:
    client_fields = sorted(model.CLIENT_FIELDS)
    meta = type(
        "Meta",
        (),
        {
            "model": model,
            "target_model": target_model,
            "fields": [
                "id",
                model.TARGET_FIELD,
                "month",
                *client_fields,
                "base_version",
                "confirm_warnings",
            ],
            # Every form field is optional: a client sends what it recorded this time.
            "extra_kwargs": {name: {"required": False} for name in client_fields},
            "validators": [],
        },
    )
    name = f"{model.__name__}InputSerializer"
    return type(name, (MonthlyInputSerializer,), {"Meta": meta, "__module__": __name__})


PregnancyVisitInputSerializer = _input_serializer(PregnancyVisit, Pregnancy)
ChildVisitInputSerializer = _input_serializer(ChildVisit, Child)
PaudRecordInputSerializer = _input_serializer(PaudRecord, Child)

OUTCOMES = [CREATED, UPDATED, UNCHANGED, MERGED, CONFLICT]


class MonthResultSerializer(serializers.Serializer):
    """The answer to a monthly write: what happened, and the record as stored now.

    `created` (201) a new record; `updated` the month's record was edited; `unchanged` the
    values were already stored (a replay); `merged` the client's changes were applied on top of
    newer server changes to other fields; `conflict` some fields were changed on the server
    too: the server kept its values (in `server_values`), the client's were stored in the
    conflict `conflict` for someone to resolve, and the other fields were applied.
    """

    outcome = serializers.ChoiceField(choices=OUTCOMES)
    record = serializers.DictField(help_text=_("The record as stored now."))
    conflicting_fields = serializers.ListField(child=serializers.CharField())
    server_values = serializers.DictField(help_text=_("The kept server values of those fields."))
    conflict = serializers.IntegerField(allow_null=True)
    warnings = ProblemSerializer(many=True)


class RegisterConflictSerializer(serializers.Serializer):
    """409 on a register update: nothing was saved.

    The client changed fields the server also changed since `base_version`. The phone keeps its
    values, shows both to the user, and resends with `base_version` = `server_version`.
    """

    outcome = serializers.ChoiceField(choices=[CONFLICT])
    conflicting_fields = serializers.ListField(child=serializers.CharField())
    server_values = serializers.DictField()
    server_version = serializers.IntegerField()


# --------------------------------------------------------------------------------------------
# Conflicts, regions, posyandu


class ConflictSerializer(serializers.ModelSerializer):
    server_values = serializers.SerializerMethodField(
        help_text=_("The values the server kept for the conflicting fields (now).")
    )

    class Meta:
        model = Conflict
        fields = "__all__"

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_server_values(self, conflict: Conflict) -> dict[str, Any]:
        """The record's current values of the conflicting fields, in the wire shape of its
        kind: a monthly record's (Formulir 2a/2b/2c) or a register record's (household,
        mother, pregnancy, child). Empty when the record is gone or deleted (a tombstone
        has no values to compare)."""
        from django.apps import apps

        model = apps.get_model(conflict.record_type)
        record = model.objects.filter(pk=conflict.record_id).first()
        if record is None or record.deleted_at is not None:
            return {}
        serializer_class = MONTHLY_SERIALIZERS.get(model) or {
            Household: HouseholdSerializer,
            Mother: MotherSerializer,
            Pregnancy: PregnancySerializer,
            Child: ChildSerializer,
        }.get(model)
        if serializer_class is None:
            return {}
        shown = serializer_class(record, context=self.context).data
        return {name: shown.get(name) for name in conflict.conflicting_fields}


class ResolveSerializer(serializers.Serializer):
    accept = serializers.ChoiceField(
        choices=[("client", _("client")), ("server", _("server"))],
        help_text=_("client: apply the phone's values; server: keep the stored ones."),
    )


class RegionSerializer(serializers.ModelSerializer):
    full_name = serializers.CharField(read_only=True)

    class Meta:
        model = Region
        fields = ["code", "name", "full_name", "level", "parent"]


class PosyanduSerializer(serializers.ModelSerializer):
    class Meta:
        model = Posyandu
        fields = ["id", "village", "name", "dusun", "active"]


MONTHLY_SERIALIZERS: dict[type[Model], type[MonthlyRecordSerializer]] = {
    PregnancyVisit: PregnancyVisitSerializer,
    ChildVisit: ChildVisitSerializer,
    PaudRecord: PaudRecordSerializer,
}
