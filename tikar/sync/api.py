"""The sync endpoints under /api/sync/ (docs/offline.md, "Protokol sinkronisasi").

- `POST /api/sync/`: upload operations, one answer each (tikar.sync.protocol);
- `GET /api/sync/?cursor=N&limit=500`: the desa's changes after a cursor
  (tikar.sync.download), gzip-compressed when the phone accepts it (the app has no
  GZipMiddleware; the downloads are the large answers a phone fetches over a slow line);
- `GET /api/sync/snapshot/?cursor=<token>&limit=1000`: the first download, as tables;
- `GET /api/sync/reference/`: who the user is, the desa, its posyandu, today and the cursor.

Only village users (KPM, Admin Desa) sync: officers get a 403 in words.
"""

from __future__ import annotations

from typing import Any

from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.gzip import gzip_page
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from tikar import clock
from tikar.accounts.models import Role
from tikar.api import serializers as api_serializers
from tikar.households.models import CHANGE_COUNTER, ChangeCounter
from tikar.regions.models import Posyandu

from . import download, protocol


class VillageUsersOnly(BasePermission):
    """The phone's data is a desa's: only its KPM and Admin Desa sync it."""

    message = gettext_lazy(
        "Only the KPM and the Admin Desa use the field app's sync; officers read the data in "
        "the web pages."
    )

    def has_permission(self, request, view) -> bool:
        user = request.user
        return (
            user.role in (Role.KPM, Role.VILLAGE_ADMIN)
            and user.is_active
            and user.has_valid_binding
        )


# --------------------------------------------------------------------------------------------
# OpenAPI shapes (the views check the bodies themselves: one bad operation is refused alone)


class OperationSerializer(serializers.Serializer):
    op_id = serializers.UUIDField(help_text=gettext_lazy("Made by the phone, one per operation."))
    kind = serializers.ChoiceField(choices=list(download.KIND_MODELS))
    action = serializers.ChoiceField(choices=list(protocol.ACTIONS), default="upsert")
    id = serializers.UUIDField(
        help_text=gettext_lazy("The record's UUID (made by the phone for a create).")
    )
    base_version = serializers.IntegerField(
        min_value=0,
        allow_null=True,
        required=False,
        help_text=gettext_lazy("The version the phone last saw; null or absent for a create."),
    )
    fields = serializers.DictField(
        required=False,
        help_text=gettext_lazy(
            "The record's fields, as the REST endpoint of its kind names them; monthly kinds "
            'add "target" (the pregnancy or child id) and "month" (YYYY-MM-01).'
        ),
    )


class UploadSerializer(serializers.Serializer):
    device_id = serializers.CharField(max_length=64, required=False, allow_blank=True)
    operations = OperationSerializer(many=True, max_length=protocol.MAX_OPERATIONS)


class ConflictAnswerSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    conflicting_fields = serializers.ListField(child=serializers.CharField())
    server_values = serializers.DictField()
    message = serializers.CharField()


class ResultSerializer(serializers.Serializer):
    op_id = serializers.CharField(allow_null=True)
    kind = serializers.CharField(allow_null=True)
    id = serializers.CharField(
        allow_null=True,
        help_text=gettext_lazy(
            "The server's record: differs from the operation's id when a create merged into "
            "the month's existing record."
        ),
    )
    outcome = serializers.ChoiceField(choices=list(protocol.OUTCOMES))
    version = serializers.IntegerField(allow_null=True)
    change_seq = serializers.IntegerField(allow_null=True)
    record = serializers.DictField(allow_null=True)
    conflict = ConflictAnswerSerializer(allow_null=True)
    message = serializers.CharField(allow_null=True)
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()), allow_null=True
    )
    warnings = api_serializers.ProblemSerializer(many=True)
    retry = serializers.BooleanField(
        help_text=gettext_lazy(
            "True when the server, not the data, failed (refused): keep the operation and send "
            "it again later."
        )
    )


class UploadAnswerSerializer(serializers.Serializer):
    results = ResultSerializer(many=True)
    cursor = serializers.IntegerField(
        help_text=gettext_lazy("The server's change counter after the batch.")
    )


class ChangeSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=list(download.KIND_MODELS))
    id = serializers.UUIDField()
    version = serializers.IntegerField()
    change_seq = serializers.IntegerField()
    deleted = serializers.BooleanField()
    fields = serializers.DictField(allow_null=True)


class DownloadSerializer(serializers.Serializer):
    changes = ChangeSerializer(many=True)
    next_cursor = serializers.IntegerField()
    more = serializers.BooleanField()


class SnapshotTableSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=list(download.KIND_MODELS))
    columns = serializers.ListField(
        child=serializers.CharField(),
        help_text=gettext_lazy('"id", "version", then the kind\'s fields (as in a change).'),
    )
    ids = serializers.ListField(
        child=serializers.CharField(),
        help_text=gettext_lazy(
            "The columns holding record ids, as 22-character base64url strings of the UUID's "
            "16 bytes."
        ),
    )
    rows = serializers.ListField(child=serializers.ListField())


class SnapshotSerializer(serializers.Serializer):
    tables = SnapshotTableSerializer(many=True)
    next_cursor = serializers.CharField(
        help_text=gettext_lazy("Send it back as cursor for the next page; empty at the end.")
    )
    more = serializers.BooleanField()


class ReferenceUserSerializer(serializers.Serializer):
    username = serializers.CharField()
    display_name = serializers.CharField()
    role = serializers.CharField()


class ReferenceVillageSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    full_name = serializers.CharField()
    is_kelurahan = serializers.BooleanField()


class ReferencePosyanduSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    dusun = serializers.CharField()
    active = serializers.BooleanField()


class ReferenceSerializer(serializers.Serializer):
    user = ReferenceUserSerializer()
    village = ReferenceVillageSerializer()
    posyandu = ReferencePosyanduSerializer(many=True)
    today = serializers.DateField()
    cursor = serializers.IntegerField()


class MessageSerializer(serializers.Serializer):
    detail = serializers.CharField()


# --------------------------------------------------------------------------------------------

MAX_CURSOR = 2**63 - 1
REFUSALS = {
    403: OpenApiResponse(
        MessageSerializer, description="Officers, or not signed in (Bahasa Indonesia)."
    ),
}


def current_cursor() -> int:
    """The change counter now: every change so far has a change_seq at most this."""
    value = ChangeCounter.objects.filter(name=CHANGE_COUNTER).values_list("value", flat=True)
    return value.first() or 0


def _int_param(request: Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except (TypeError, ValueError):
        value = None
    if value is None or not low <= value <= high:
        raise serializers.ValidationError(
            {
                name: [
                    _("Send a whole number from %(low)s to %(high)s.") % {"low": low, "high": high}
                ]
            }
        )
    return value


@method_decorator(gzip_page, name="dispatch")
class SnapshotView(APIView):
    """The first download of a phone: what it needs of the user's desa, as tables."""

    permission_classes = [IsAuthenticated, VillageUsersOnly]

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "cursor",
                OpenApiTypes.STR,
                description="The next_cursor of the previous page (empty: the first page).",
            ),
            OpenApiParameter(
                "limit",
                OpenApiTypes.INT,
                description=f"At most this many records (1-{download.MAX_LIMIT}).",
            ),
        ],
        responses={200: SnapshotSerializer, 400: OpenApiResponse(OpenApiTypes.OBJECT), **REFUSALS},
    )
    def get(self, request: Request) -> Response:
        """Open targets of the desa, their households and mothers, and the monthly records of
        the last 6 months, no tombstones (docs/offline.md, "Snapshot"). After the last page
        the phone downloads changes from the cursor /api/sync/reference/ gave before the first.
        """
        limit = _int_param(request, "limit", download.DEFAULT_SNAPSHOT_LIMIT, 1, download.MAX_LIMIT)
        try:
            page = download.snapshot(request.user, request.query_params.get("cursor", ""), limit)
        except download.BadSnapshotToken:
            return _bad(
                {
                    "cursor": [
                        _(
                            "This page marker is not one the server gave; start the first download again."
                        )
                    ]
                }
            )
        return Response({"tables": page.tables, "next_cursor": page.next_cursor, "more": page.more})


@method_decorator(gzip_page, name="dispatch")
class SyncView(APIView):
    """Upload operations (POST) and download changes (GET) of the user's desa."""

    permission_classes = [IsAuthenticated, VillageUsersOnly]

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "cursor",
                OpenApiTypes.INT,
                description="The next_cursor of the previous page (0: from the start).",
            ),
            OpenApiParameter(
                "limit", OpenApiTypes.INT, description="At most this many changes (1-1000)."
            ),
        ],
        responses={200: DownloadSerializer, 400: OpenApiResponse(OpenApiTypes.OBJECT), **REFUSALS},
    )
    def get(self, request: Request) -> Response:
        """The desa's changes after `cursor`, oldest first (docs/offline.md, "Download")."""
        cursor = _int_param(request, "cursor", 0, 0, MAX_CURSOR)
        limit = _int_param(request, "limit", download.DEFAULT_LIMIT, 1, download.MAX_LIMIT)
        page = download.changes(request.user, cursor, limit)
        return Response(
            {"changes": page.changes, "next_cursor": page.next_cursor, "more": page.more}
        )

    @extend_schema(
        request=UploadSerializer,
        responses={
            200: UploadAnswerSerializer,
            400: OpenApiResponse(OpenApiTypes.OBJECT, description="The request is not a batch."),
            **REFUSALS,
        },
    )
    def post(self, request: Request) -> Response:
        """Apply operations; always 200 with one result per operation (docs/offline.md)."""
        body: Any = request.data
        if not isinstance(body, dict):
            return _bad({"non_field_errors": [_("Send one JSON object.")]})
        operations = body.get("operations")
        if not isinstance(operations, list):
            return _bad({"operations": [_("Send the operations as a list.")]})
        if len(operations) > protocol.MAX_OPERATIONS:
            return _bad(
                {
                    "operations": [
                        _("At most %(n)s operations per request; send the rest in another.")
                        % {"n": protocol.MAX_OPERATIONS}
                    ]
                }
            )
        device_id = body.get("device_id") or ""
        if not isinstance(device_id, str) or len(device_id) > 64:
            return _bad({"device_id": [_("device_id is a text of at most 64 characters.")]})
        results = protocol.apply_operations(request.user, device_id, operations)
        return Response({"results": results, "cursor": current_cursor()})


def _bad(errors: dict[str, list[str]]) -> Response:
    return Response(errors, status=status.HTTP_400_BAD_REQUEST)


class ReferenceView(APIView):
    """What the phone needs besides the records: the user, the desa, its posyandu, today."""

    permission_classes = [IsAuthenticated, VillageUsersOnly]

    @extend_schema(responses={200: ReferenceSerializer, **REFUSALS})
    def get(self, request: Request) -> Response:
        user = request.user
        village = user.region
        posyandu = Posyandu.objects.filter(village=village).order_by("name", "id")
        return Response(
            {
                "user": {
                    "username": user.username,
                    "display_name": user.display_name,
                    "role": user.role,
                },
                "village": {
                    "code": village.code,
                    "name": village.name,
                    "full_name": village.full_name,
                    "is_kelurahan": village.village_kind == "kelurahan",
                },
                "posyandu": [
                    {"id": p.id, "name": p.name, "dusun": p.dusun, "active": p.active}
                    for p in posyandu
                ],
                "today": clock.today().isoformat(),
                "cursor": current_cursor(),
            }
        )
