from django.urls import path

from tikar.regions import views

urlpatterns = [
    path("cari/wilayah/", views.region_search, name="region_search"),
    path("posyandu/", views.posyandu_list, name="posyandu_list"),
    path("posyandu/baru/", views.posyandu_edit, name="posyandu_new"),
    path("posyandu/<int:pk>/", views.posyandu_edit, name="posyandu_edit"),
    path("posyandu/<int:pk>/aktif/", views.posyandu_toggle, name="posyandu_toggle"),
]
