from django.urls import path

from tikar.posyandu import views_eppgbm, views_skdn

urlpatterns: list = [
    path("skdn/", views_skdn.skdn_page, name="skdn"),
    path("skdn/xlsx", views_skdn.skdn_xlsx, name="skdn_xlsx"),
    path("eppgbm/", views_eppgbm.eppgbm_xlsx, name="eppgbm"),
]
