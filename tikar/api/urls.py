"""The JSON API under /api/ (see README "API"); the OpenAPI description is /api/schema/.

No Swagger UI or Redoc page: both load their JavaScript from a CDN unless
drf-spectacular-sidecar is installed, and the pages must work without outside hosts.
"""

from django.http import HttpRequest, JsonResponse
from django.urls import include, path, re_path
from django.utils.translation import gettext
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("households", views.HouseholdViewSet, basename="api-household")
router.register("mothers", views.MotherViewSet, basename="api-mother")
router.register("pregnancies", views.PregnancyViewSet, basename="api-pregnancy")
router.register("children", views.ChildViewSet, basename="api-child")
router.register("pregnancy-visits", views.PregnancyVisitViewSet, basename="api-pregnancyvisit")
router.register("child-visits", views.ChildVisitViewSet, basename="api-childvisit")
router.register("paud-records", views.PaudRecordViewSet, basename="api-paudrecord")
router.register("village-years", views.VillageYearViewSet, basename="api-villageyear")
router.register("conflicts", views.ConflictViewSet, basename="api-conflict")
router.register("regions", views.RegionViewSet, basename="api-region")
router.register("posyandu", views.PosyanduViewSet, basename="api-posyandu")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("", include(router.urls)),
]

# The desa scorecard and its recap (tikar.api.views_scorecard).
from . import views_scorecard  # noqa: E402

urlpatterns += [
    path(
        "scorecards/<str:village_code>/<year:year>/<quarter:quarter>/",
        views_scorecard.ScorecardView.as_view(),
        name="api_scorecard",
    ),
    path(
        "scorecards/<str:village_code>/<year:year>/<quarter:quarter>/recap/",
        views_scorecard.RecapView.as_view(),
        name="api_scorecard_recap",
    ),
]

# /api/sync/... (the offline field app's protocol) is routed by tikar.sync.urls, which the root
# URLconf includes before this one: sync sits above api in the layers of pyproject.toml
# [tool.importlinter], so api does not import it.


def not_found(request: HttpRequest) -> JsonResponse:
    """Any other /api/.../ address: a JSON 404 in the user's language, not the HTML page.

    A phone reads the answer's body; the HTML 404 page was unreadable to it. Only paths ending
    in "/" are caught, so that APPEND_SLASH still sends /api/children to /api/children/.
    """
    return JsonResponse({"detail": gettext("Not found.")}, status=404)


urlpatterns += [re_path(r"^.*/$", not_found)]
