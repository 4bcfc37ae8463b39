"""Pages of the sync app: the review of conflicts (konflik), and the sync protocol's endpoints
under /api/sync/ (tikar.sync.api, tikar.sync.api_needs).

The /api/sync/ routes are here, not in tikar.api.urls, because sync builds on the API (its
serializers and write path) and sits above it in the layers of pyproject.toml
[tool.importlinter]. The root URLconf includes this before "api/", whose last pattern answers
any other /api/.../ address with a JSON 404.
"""

from django.urls import path

from tikar.sync import api, api_needs, views

urlpatterns = [
    path("konflik/", views.conflict_list, name="conflict_list"),
    path("konflik/<int:pk>/", views.conflict_detail, name="conflict_detail"),
    # The sync protocol of the offline field app (tikar.sync.api).
    path("api/sync/", api.SyncView.as_view(), name="api_sync"),
    path("api/sync/snapshot/", api.SnapshotView.as_view(), name="api_sync_snapshot"),
    path("api/sync/reference/", api.ReferenceView.as_view(), name="api_sync_reference"),
    # What each target still needs this quarter, for the phone (issue 10).
    path("api/sync/needs/", api_needs.NeedsView.as_view(), name="api_sync_needs"),
]
