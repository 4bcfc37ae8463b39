from django.urls import path

from tikar.scorecard import views

urlpatterns = [
    path("rekap/<int:year>/<int:quarter>/", views.recap, name="recap"),
    path(
        "rekap/<int:year>/<int:quarter>/<str:group>/<uuid:pk>/",
        views.recap_target,
        name="recap_target",
    ),
    path("scorecard/<int:year>/<int:quarter>/", views.scorecard, name="scorecard"),
    path("scorecard/<int:year>/<int:quarter>/validasi/", views.quarter_lock, name="quarter_lock"),
    path(
        "scorecard/<int:year>/<int:quarter>/buka-kembali/",
        views.quarter_reopen,
        name="quarter_reopen",
    ),
    path("dana-desa/<int:year>/", views.dana_desa, name="dana_desa"),
    path("standar-layanan/<int:year>/", views.rule_choice, name="rule_choice"),
]

# Officers' roll-up and lokus ranking (views_area.py).
from tikar.scorecard import views_area  # noqa: E402

urlpatterns += [
    path("rekap-wilayah/<int:year>/<int:quarter>/", views_area.rollup_view, name="rollup"),
    path("lokus/<int:year>/<int:quarter>/", views_area.lokus_view, name="lokus"),
]
# Links that do not know the quarter (the officers' home page): this quarter's page, with the
# query string kept.
urlpatterns += [
    path("rekap-wilayah/", views_area.this_quarter, {"name": "rollup"}, name="rollup_current"),
    path("lokus/", views_area.this_quarter, {"name": "lokus"}, name="lokus_current"),
]
