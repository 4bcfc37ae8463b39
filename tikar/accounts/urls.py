from django.urls import path

from tikar.accounts import views, views_regions

urlpatterns = [
    # The region picker and posyandu pages (views_regions.py, formerly tikar.regions.views).
    path("cari/wilayah/", views_regions.region_search, name="region_search"),
    path("posyandu/", views_regions.posyandu_list, name="posyandu_list"),
    path("posyandu/baru/", views_regions.posyandu_edit, name="posyandu_new"),
    path("posyandu/<int:pk>/", views_regions.posyandu_edit, name="posyandu_edit"),
    path("posyandu/<int:pk>/aktif/", views_regions.posyandu_toggle, name="posyandu_toggle"),
    path("pengguna/", views.user_list, name="user_list"),
    path("pengguna/baru/", views.user_create, name="user_create"),
    path("pengguna/<int:pk>/aktif/", views.user_toggle_active, name="user_toggle_active"),
]
