from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from tikar.accounts import views as account_views
from tikar.front import views as front

urlpatterns = [
    path("", front.home, name="home"),
    path("healthz", front.healthz, name="healthz"),
    path("wilayah/<str:code>/", front.region_page, name="region"),
    path("laporan/", front.reports, name="reports"),
    path("masuk/", account_views.LoginView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "akun/kata-sandi/",
        account_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "akun/kata-sandi/selesai/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("tikar.accounts.urls")),
    path("", include("tikar.households.urls")),
    path("", include("tikar.monitoring.urls")),
    path("", include("tikar.workbooks.urls")),
    path("", include("tikar.jobs.urls")),
    path("", include("tikar.scorecard.urls")),
    path("", include("tikar.sync.urls")),
    path("", include("tikar.field.urls")),
    path("", include("tikar.posyandu.urls")),
    path("", include("tikar.meetings.urls")),
    path("", include("tikar.activities.urls")),
    path("api/", include("tikar.api.urls")),
    path("django-admin/", admin.site.urls),
]
