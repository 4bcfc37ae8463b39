from django.urls import path

from tikar.scorecard import views

urlpatterns = [
    path("rekap/<year:year>/<quarter:quarter>/", views.recap, name="recap"),
    path(
        "rekap/<year:year>/<quarter:quarter>/<str:group>/<uuid:pk>/",
        views.recap_target,
        name="recap_target",
    ),
    path("scorecard/<year:year>/<quarter:quarter>/", views.scorecard, name="scorecard"),
    path(
        "scorecard/<year:year>/<quarter:quarter>/validasi/",
        views.quarter_lock,
        name="quarter_lock",
    ),
    path(
        "scorecard/<year:year>/<quarter:quarter>/buka-kembali/",
        views.quarter_reopen,
        name="quarter_reopen",
    ),
    path("standar-layanan/<year:year>/", views.rule_choice, name="rule_choice"),
]

# Officers' roll-up and lokus ranking (views_area.py).
from tikar.scorecard import views_area  # noqa: E402

urlpatterns += [
    path("rekap-wilayah/<year:year>/<quarter:quarter>/", views_area.rollup_view, name="rollup"),
    path("lokus/<year:year>/<quarter:quarter>/", views_area.lokus_view, name="lokus"),
]
# Links that do not know the quarter (the officers' home page): this quarter's page, with the
# query string kept.
urlpatterns += [
    path("rekap-wilayah/", views_area.this_quarter, {"name": "rollup"}, name="rollup_current"),
    path("lokus/", views_area.this_quarter, {"name": "lokus"}, name="lokus_current"),
]
