"""`GET /api/sync/needs/`: what each target of the user's desa still needs this quarter.

For the offline field app (the phone shows it beside "Perlu perhatian"). Only the desa's KPM and Admin Desa
(`VillageUsersOnly`); the desa is always the user's own, there is no parameter to name another.
`?posyandu=<id>` narrows it to one posyandu of the desa (another desa's: 404).

JSON (percentages and points are strings with two decimals, as every scorecard JSON):

    {
      "village": "12.10.07.2001", "year": 2026, "quarter": 4,
      "today": "2026-11-15",                 # the server's day the needs were derived for
      "computed_at": "2026-11-15T09:12:00+07:00" | null,   # the stored scorecard's time
      "generated_at": "2026-11-15T09:12:03+07:00",          # this answer's time
      "locked": false,                       # a validated quarter: no needs
      "convergence": {"received": 120, "expected": 160, "percent": "75.00" | null,
                      "percent_if_met": "82.50" | null, "points_if_met": "7.50"},
      "targets": {
        "<target uuid>": {
          "group": "child" | "pregnancy", "name": "…", "posyandu_id": 3 | null,
          "points": "1.25",                  # all of this target's needs met
          "needs": [{"code": "weighed", "number": 2, "text": "ditimbang bulan ini",
                     "months": ["2026-11", "2026-12"], "points": "0.63"}]
        }
      }
    }
"""

from __future__ import annotations

from django.http import Http404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from tikar import clock
from tikar.posyandu.needs_queries import needs_for_village
from tikar.regions.models import Posyandu
from tikar.sync.api import REFUSALS, VillageUsersOnly


def _pct(value) -> str | None:
    return None if value is None else f"{value:.2f}"


class NeedsView(APIView):
    """The running quarter's needs per target of the user's desa (see the module docstring)."""

    permission_classes = [IsAuthenticated, VillageUsersOnly]

    @extend_schema(responses={200: OpenApiResponse(OpenApiTypes.OBJECT), **REFUSALS})
    def get(self, request: Request) -> Response:
        village_code = request.user.region_id
        posyandu_id = None
        raw = request.query_params.get("posyandu", "")
        if raw:
            if not raw.isdigit() or len(raw) > 12:
                raise Http404
            if not Posyandu.objects.filter(pk=int(raw), village_id=village_code).exists():
                raise Http404
            posyandu_id = int(raw)
        data = needs_for_village(village_code, clock.today(), posyandu_id)
        return Response(
            {
                "village": data.village_code,
                "year": data.year,
                "quarter": data.quarter,
                "today": data.today.isoformat(),
                "computed_at": data.computed_at.isoformat() if data.computed_at else None,
                "generated_at": timezone.localtime().isoformat(),
                "locked": data.locked,
                "convergence": {
                    "received": data.received,
                    "expected": data.expected,
                    "percent": _pct(data.percent),
                    "percent_if_met": _pct(data.percent_if_met),
                    "points_if_met": _pct(data.total_points),
                },
                "targets": {
                    t.target_id: {
                        "group": t.group,
                        "name": t.name,
                        "posyandu_id": t.posyandu_id,
                        "points": _pct(t.points),
                        "needs": [
                            {
                                "code": n.code,
                                "number": n.number,
                                "text": n.text,
                                "months": [f"{m:%Y-%m}" for m in n.months],
                                "points": _pct(n.points),
                            }
                            for n in t.needs
                        ],
                    }
                    for t in data.targets
                },
            }
        )
