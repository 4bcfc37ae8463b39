"""The sync endpoints under /api/sync/ (offline.md 2, 5, 6). Placeholder until built."""

from rest_framework.permissions import IsAuthenticated
from rest_framework.views import APIView


class SyncView(APIView):
    permission_classes = [IsAuthenticated]


class ReferenceView(APIView):
    permission_classes = [IsAuthenticated]
