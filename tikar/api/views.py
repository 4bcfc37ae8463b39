"""The API's endpoints; every queryset goes through `tikar.accounts.scope.scoped`.

Reads are scoped to the user's area, writes (`write=True`) to a village user's own desa; a
record outside them is a 404. The write contract follows offline.md:

- create with a client-made UUID: the same UUID twice is the same create (200 the second
  time, with the stored record), also when two retries race;
- update with `base_version`: a three-way comparison between the version the client saw, the
  server's row and the client's values; changes to different fields merge, the same field
  changed on both sides is a conflict (409, nothing saved) for the register, and for the
  monthly records `record_month`'s outcome (the server keeps its value, the client's goes to a
  `Conflict`);
- a replay of values already stored changes nothing (no new version).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.db.models import Model, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.filters import SearchFilter
from rest_framework.permissions import SAFE_METHODS, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error

from tikar.accounts.scope import scoped, scoped_regions
from tikar.api.conflicts import register_values
from tikar.calendar import month_name
from tikar.households.models import (
    Child,
    Household,
    Mother,
    Pregnancy,
    SyncedModel,
    lock_for_update,
)
from tikar.monitoring import rules
from tikar.monitoring.models import ChildVisit, Conflict, PaudRecord, PregnancyVisit, VillageYear
from tikar.monitoring.services import CREATED, _growth_warnings, record_month, resolve_conflict
from tikar.regions.models import Posyandu
from tikar.workbooks.importer import take_desa_lock

from . import filters as f
from . import serializers as s
from .pagination import ChangeSeqPagination, CodePagination, IdPagination
from .permissions import VillageAdminWrites, VillageUsersWrite

INCLUDE_DELETED = OpenApiParameter(
    "include_deleted",
    OpenApiTypes.BOOL,
    description=str(
        _(
            "1: also list deleted records, as tombstones {id, deleted_at, change_seq}, so a "
            "phone can drop its copies."
        )
    ),
)


def wants_deleted(request: Request) -> bool:
    return request.query_params.get("include_deleted", "").lower() in {"1", "true", "yes"}


def parse_uuid(raw: Any) -> UUID | None:
    try:
        return UUID(str(raw))
    except (TypeError, ValueError):
        return None


def as_json(serializer_class, record: Model, names) -> dict[str, Any]:
    shown = serializer_class(record).data
    return {name: shown.get(name) for name in names}


# --------------------------------------------------------------------------------------------
# Register updates: the three-way comparison


def _value(obj: Any, model: type[Model], name: str) -> Any:
    """A field's stored value (the id for a foreign key), on a row or a history row."""
    fld = model._meta.get_field(name)
    if fld.is_relation:
        return getattr(obj, fld.attname)
    return getattr(obj, name)


def _client_value(model: type[Model], name: str, value: Any) -> Any:
    return value.pk if model._meta.get_field(name).is_relation and value is not None else value


@dataclass
class UpdatePlan:
    changes: dict[str, Any] = field(default_factory=dict)
    conflicting: list[str] = field(default_factory=list)


def plan_update(record: SyncedModel, attrs: dict[str, Any], base_version: int) -> UpdatePlan:
    """Which of the client's values to apply to `record`, and which collide.

    A field counts as changed by the client when its value differs from the version the client
    saw, and as changed by the server when the current row differs from that version. Fields
    the client left as they were keep the server's (possibly newer) value.
    """
    model = type(record)
    plan = UpdatePlan()
    if base_version == record.version:
        base = record
    else:
        base = record.history.filter(version=base_version).order_by("-history_id").first()
    for name, value in attrs.items():
        mine = _client_value(model, name, value)
        current = _value(record, model, name)
        if mine == current:
            continue
        if base is None:  # an unknown version: anything may have changed, so ask
            plan.conflicting.append(name)
            continue
        seen = _value(base, model, name)
        if mine == seen:
            continue  # the client did not touch it
        if current != seen:
            plan.conflicting.append(name)
        else:
            plan.changes[name] = value
    return plan


def apply_changes(record: SyncedModel, changes: dict[str, Any], user) -> None:
    """Save `changes` (an `UpdatePlan.changes`) on `record` as `user`; nothing when empty."""
    if not changes:
        return
    for name, value in changes.items():
        setattr(record, name, value)
    record._history_user = user
    record.save()


def create_synced(serializer, user, *, checks_duplicates: bool, save) -> None:
    """Validate and save a register create in one transaction (the API's and the sync's).

    `save(serializer)` stores it (the viewset's perform_create). Raises the serializer's
    ValidationError, or IntegrityError when the same id was created at the same moment.
    """
    with transaction.atomic():
        if checks_duplicates:
            # The likely-duplicate check reads the desa's register, then the create
            # writes to it: two phones adding the same child at once would both find
            # nothing. The desa's lock (the one imports take) makes the second check
            # run after the first create, so it asks to confirm like a sequential one.
            take_desa_lock(user.region_id, DUPLICATE_CHECK_WAIT_SECONDS)
        serializer.is_valid(raise_exception=True)
        save(serializer)


# --------------------------------------------------------------------------------------------
# Register and Formulir 1


SYNCED_RESPONSES = {
    400: OpenApiResponse(
        s.ValidationErrorSerializer,
        description=str(
            _(
                "Refused: messages per field in Bahasa Indonesia. With only `confirm_warnings` "
                "and `warnings`: nothing saved until the client resends with "
                "confirm_warnings: true."
            )
        ),
    ),
    403: OpenApiResponse(description=str(_("Officers read only."))),
    404: OpenApiResponse(description=str(_("Not in the user's desa."))),
}


# How long a person's create waits for another create or an import of the same desa.
DUPLICATE_CHECK_WAIT_SECONDS = 30


class SyncedViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """List, read, create (idempotent on the client's UUID) and update (with base_version)."""

    model: type[SyncedModel]
    # People (mothers, children): their create runs the likely-duplicate check under the desa's
    # lock (see create).
    checks_duplicates = False
    permission_classes = [IsAuthenticated, VillageUsersWrite]
    pagination_class = ChangeSeqPagination
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def get_queryset(self) -> QuerySet:
        if getattr(self, "swagger_fake_view", False):  # schema generation: no user
            return self.model.objects.none()
        write = self.request.method not in SAFE_METHODS
        qs = scoped(self.model.objects.all(), self.request.user, write=write)
        if write:
            qs = qs.alive()
            # Held until the update's transaction ends, so two saves cannot both pass the
            # version comparison against the same row.
            qs = lock_for_update(qs)
        elif not wants_deleted(self.request):
            qs = qs.alive()
        return qs

    def existing_for_create(self, raw_id: Any) -> SyncedModel | None:
        """The stored record of a repeated create; 404 when the id is not the user's."""
        pk = parse_uuid(raw_id)
        if pk is None:
            return None
        record = self.model.objects.filter(pk=pk).first()
        if record is None:
            return None
        if not scoped(self.model.objects.filter(pk=pk), self.request.user, write=True).exists():
            raise Http404
        return record

    def perform_create(self, serializer) -> None:
        serializer.save(created_by=self.request.user)

    @extend_schema(parameters=[INCLUDE_DELETED])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    @extend_schema(parameters=[INCLUDE_DELETED])
    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().retrieve(request, *args, **kwargs)

    @extend_schema(
        responses={
            201: OpenApiResponse(description=str(_("Created."))),
            200: OpenApiResponse(description=str(_("This id was created before: the record."))),
            **SYNCED_RESPONSES,
        }
    )
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        existing = self.existing_for_create(request.data.get("id"))
        if existing is not None:
            return Response(self.get_serializer(existing).data, status=status.HTTP_200_OK)
        serializer = self.get_serializer(data=request.data)
        try:
            create_synced(
                serializer,
                request.user,
                checks_duplicates=self.checks_duplicates,
                save=self.perform_create,
            )
        except IntegrityError:
            # The same create arriving twice at once: the loser answers like a replay.
            existing = self.existing_for_create(request.data.get("id"))
            if existing is None:
                raise
            return Response(self.get_serializer(existing).data, status=status.HTTP_200_OK)
        return Response(serializer.data, status=status.HTTP_201_CREATED)

    @extend_schema(
        responses={
            200: OpenApiResponse(description=str(_("Saved (or already so)."))),
            409: s.RegisterConflictSerializer,
            **SYNCED_RESPONSES,
        }
    )
    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        partial = kwargs.pop("partial", False)
        with transaction.atomic():
            record = self.get_object()
            serializer = self.get_serializer(record, data=request.data, partial=partial)
            serializer.is_valid(raise_exception=True)
            plan = plan_update(record, serializer.validated_data, serializer.base_version)
            if plan.conflicting:
                body = {
                    "outcome": "conflict",
                    "conflicting_fields": sorted(plan.conflicting),
                    "server_values": as_json(type(serializer), record, plan.conflicting),
                    "server_version": record.version,
                }
                return Response(body, status=status.HTTP_409_CONFLICT)
            apply_changes(record, plan.changes, request.user)
        return Response(self.get_serializer(record).data)

    @extend_schema(
        responses={
            200: OpenApiResponse(description=str(_("Saved (or already so)."))),
            409: s.RegisterConflictSerializer,
            **SYNCED_RESPONSES,
        }
    )
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().partial_update(request, *args, **kwargs)


class InDesaMixin:
    """Records that hang off the desa itself (households, Formulir 1): the user's desa."""

    def perform_create(self, serializer) -> None:
        user = self.request.user
        serializer.save(created_by=user, village_id=user.region_id)


class HouseholdViewSet(InDesaMixin, SyncedViewSet):
    """Rumah tangga 1.000 HPK of the user's area."""

    model = Household
    serializer_class = s.HouseholdSerializer
    filterset_class = f.HouseholdFilter


class MotherViewSet(SyncedViewSet):
    """Mothers (ibu) of the register; NIK warnings need `confirm_warnings`."""

    checks_duplicates = True
    model = Mother
    serializer_class = s.MotherSerializer
    filterset_class = f.MotherFilter


class PregnancyViewSet(SyncedViewSet):
    """Ibu hamil / nifas."""

    model = Pregnancy
    serializer_class = s.PregnancySerializer
    filterset_class = f.PregnancyFilter


class ChildViewSet(SyncedViewSet):
    """Children 0 to 6 years. `nik` is the child's NIK only; `temp_number` is separate."""

    checks_duplicates = True
    model = Child
    serializer_class = s.ChildSerializer
    filterset_class = f.ChildFilter


class VillageYearViewSet(InDesaMixin, SyncedViewSet):
    """Formulir 1 (b) and (c) of a desa and year; written by the Admin Desa."""

    model = VillageYear
    serializer_class = s.VillageYearSerializer
    filterset_class = f.VillageYearFilter
    permission_classes = [IsAuthenticated, VillageAdminWrites]


# --------------------------------------------------------------------------------------------
# Monthly records


MONTHLY_RESPONSES = {
    201: s.MonthResultSerializer,
    200: s.MonthResultSerializer,
    **SYNCED_RESPONSES,
}


def check_cohort(form: str, target, month) -> None:
    """The form is fixed by the endpoint (or sync kind), so a child must be on it that month.

    Raises the serializer's ValidationError on `month` in words.
    """
    if not isinstance(target, Child):
        return
    if form not in rules.child_record_forms(target.birth_date, month):
        raise serializers.ValidationError(
            {
                "month": [
                    _("%(name)s is not on Formulir %(form)s in %(month)s.")
                    % {
                        "name": target.name,
                        "form": form,
                        "month": month_name(month),
                    }
                ]
            }
        )


class MonthlyViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """A monthly form's records; every write goes through `record_month`."""

    model: type[SyncedModel]
    target_model: type[Pregnancy | Child]
    form: str
    input_serializer_class: type[s.MonthlyInputSerializer]
    permission_classes = [IsAuthenticated, VillageUsersWrite]
    pagination_class = ChangeSeqPagination
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def get_queryset(self) -> QuerySet:
        if getattr(self, "swagger_fake_view", False):
            return self.model.objects.none()
        write = self.request.method not in SAFE_METHODS
        qs = scoped(self.model.objects.all(), self.request.user, write=write)
        if write or not wants_deleted(self.request):
            qs = qs.alive()
        return qs

    def get_serializer_class(self):
        if self.action in ("create", "update", "partial_update"):
            return self.input_serializer_class
        return self.serializer_class

    @extend_schema(parameters=[INCLUDE_DELETED])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    @extend_schema(parameters=[INCLUDE_DELETED])
    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().retrieve(request, *args, **kwargs)

    # -- writing ------------------------------------------------------------------------------

    def _check_cohort(self, target, month) -> None:
        check_cohort(self.form, target, month)

    def _pending_warnings(self, target, month, values: dict[str, Any]) -> list[dict[str, str]]:
        """Growth warnings (implausible z, standing under 9 months, shrinking) before saving.

        Computed on the record as it would be stored, so the KPM confirms a doubtful
        measurement before it counts, as on the entry screen.
        """
        if self.model is not ChildVisit:
            return []
        record = ChildVisit.objects.alive().filter(child=target, month=month).first()
        record = record or ChildVisit(child=target, month=month)
        for name, value in values.items():
            setattr(record, name, value)
        if record.visit_date is None:
            return []  # refused by the rules anyway when a measurement has no date
        record.compute_growth()
        return [s.problem_dict(p) for p in _growth_warnings(record)]

    def _write(self, request: Request, record: Model | None, partial: bool) -> Response:
        serializer = self.get_serializer(record, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        attrs = dict(serializer.validated_data)
        target_field = self.model.TARGET_FIELD
        confirmed = attrs.pop("confirm_warnings", False)
        base_version = attrs.pop("base_version", None)
        record_id = attrs.pop("id", None)
        if record is not None:
            target, month = getattr(record, target_field), record.month
            if base_version is None:
                raise serializers.ValidationError(
                    {"base_version": [_("Send the version of the record you last saw.")]}
                )
            changed = (
                attrs.get(target_field, target) != target or attrs.get("month", month) != month
            )
            if changed:
                raise serializers.ValidationError(
                    {"month": [_("The target and month of a record do not change.")]}
                )
            record_id = record.pk
        else:
            target, month = attrs[target_field], attrs["month"]
            self._check_record_id(record_id, target, month)
        values = {n: v for n, v in attrs.items() if n in self.model.CLIENT_FIELDS}
        self._check_cohort(target, month)
        pending = self._pending_warnings(target, month, values)
        if pending and not confirmed:
            raise serializers.ValidationError(
                {"confirm_warnings": [s.CONFIRM_MESSAGE], "warnings": pending}
            )
        # Plain values for the service, which stores what the client sent in a Conflict.
        fields = {n: (v.pk if isinstance(v, Model) else v) for n, v in values.items()}
        try:
            result = record_month(
                target,
                month,
                fields,
                request.user,
                base_version,
                form=self.form,
                record_id=record_id,
            )
        except DjangoValidationError as exc:
            raise serializers.ValidationError(as_serializer_error(exc)) from exc
        body = {
            "outcome": result.outcome,
            "record": self.serializer_class(result.record).data,
            "conflicting_fields": list(result.conflicting_fields),
            "server_values": as_json(
                self.serializer_class, result.record, result.conflicting_fields
            ),
            "conflict": result.conflict.pk if result.conflict else None,
            "warnings": [s.problem_dict(p) for p in result.warnings],
        }
        code = status.HTTP_201_CREATED if result.outcome == CREATED else status.HTTP_200_OK
        return Response(body, status=code)

    def _check_record_id(self, record_id: UUID | None, target, month) -> None:
        """A client id already used must name this target's month (or be another desa's: 404)."""
        if record_id is None:
            return
        stored = self.model.objects.filter(pk=record_id).first()
        if stored is None:
            return
        if not scoped(
            self.model.objects.filter(pk=record_id), self.request.user, write=True
        ).exists():
            raise Http404
        if getattr(stored, f"{self.model.TARGET_FIELD}_id") != target.pk or stored.month != month:
            raise serializers.ValidationError(
                {"id": [_("This id belongs to another record; make a new one.")]}
            )

    @extend_schema(responses=MONTHLY_RESPONSES)
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Record a target's month: creates it, or edits the month's record if there is one."""
        return self._write(request, None, partial=False)

    @extend_schema(responses=MONTHLY_RESPONSES)
    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Change a stored month: only the fields sent; `base_version` required."""
        return self._write(request, self.get_object(), partial=True)

    @extend_schema(responses=MONTHLY_RESPONSES)
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self._write(request, self.get_object(), partial=True)


class PregnancyVisitViewSet(MonthlyViewSet):
    """Formulir 2a: ibu hamil / nifas, one record per month."""

    model = PregnancyVisit
    target_model = Pregnancy
    form = rules.FORM_2A
    serializer_class = s.PregnancyVisitSerializer
    input_serializer_class = s.PregnancyVisitInputSerializer
    filterset_class = f.PregnancyVisitFilter


class ChildVisitViewSet(MonthlyViewSet):
    """Formulir 2b: anak 0-23 bulan, with the stored WHO z-scores and status gizi."""

    model = ChildVisit
    target_model = Child
    form = rules.FORM_2B
    serializer_class = s.ChildVisitSerializer
    input_serializer_class = s.ChildVisitInputSerializer
    filterset_class = f.ChildVisitFilter


class PaudRecordViewSet(MonthlyViewSet):
    """Formulir 2c: PAUD participation of children 2-6 years."""

    model = PaudRecord
    target_model = Child
    form = rules.FORM_2C
    serializer_class = s.PaudRecordSerializer
    input_serializer_class = s.PaudRecordInputSerializer
    filterset_class = f.PaudRecordFilter


# --------------------------------------------------------------------------------------------
# Conflicts, regions, posyandu


class ConflictViewSet(viewsets.ReadOnlyModelViewSet):
    """Sync conflicts of the user's area; village users resolve them."""

    serializer_class = s.ConflictSerializer
    permission_classes = [IsAuthenticated, VillageUsersWrite]
    pagination_class = IdPagination
    filterset_class = f.ConflictFilter

    def get_queryset(self) -> QuerySet:
        if getattr(self, "swagger_fake_view", False):
            return Conflict.objects.none()
        write = self.request.method not in SAFE_METHODS
        return scoped(Conflict.objects.all(), self.request.user, write=write)

    @extend_schema(
        request=s.ResolveSerializer,
        responses={
            200: s.ConflictSerializer,
            400: s.ValidationErrorSerializer,
            403: OpenApiResponse(description=str(_("Officers read only."))),
            404: OpenApiResponse(description=str(_("Not in the user's desa."))),
        },
    )
    @action(detail=True, methods=["post"])
    def resolve(self, request: Request, pk: str | None = None) -> Response:
        """Close a conflict: `accept: client` applies the phone's values, `server` keeps."""
        conflict = self.get_object()
        choice = s.ResolveSerializer(data=request.data)
        choice.is_valid(raise_exception=True)
        if conflict.resolved_at is not None:
            raise serializers.ValidationError(
                {"non_field_errors": [_("This conflict is already resolved.")]}
            )
        try:
            resolve_conflict(
                conflict,
                request.user,
                accept_client=choice.validated_data["accept"] == "client",
                register_values=register_values,
            )
        except DjangoValidationError as exc:
            raise serializers.ValidationError(as_serializer_error(exc)) from exc
        conflict.refresh_from_db()
        return Response(s.ConflictSerializer(conflict).data)


class RegionViewSet(viewsets.ReadOnlyModelViewSet):
    """The regions of the user's area; `?search=` matches a name or the start of a code."""

    serializer_class = s.RegionSerializer
    pagination_class = CodePagination
    filterset_class = f.RegionFilter
    filter_backends = [DjangoFilterBackend, SearchFilter]
    search_fields = ["name", "^code"]
    lookup_value_regex = r"[0-9.]+"

    def get_queryset(self) -> QuerySet:
        if getattr(self, "swagger_fake_view", False):
            from tikar.regions.models import Region

            return Region.objects.none()
        return scoped_regions(self.request.user)


class PosyanduViewSet(viewsets.ReadOnlyModelViewSet):
    """The posyandu of the user's desa or area."""

    serializer_class = s.PosyanduSerializer
    pagination_class = IdPagination
    filterset_class = f.PosyanduFilter

    def get_queryset(self) -> QuerySet:
        if getattr(self, "swagger_fake_view", False):
            return Posyandu.objects.none()
        return scoped(Posyandu.objects.all(), self.request.user)
