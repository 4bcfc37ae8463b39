from django.urls import path

from tikar.accounts import views

urlpatterns = [
    path("pengguna/", views.user_list, name="user_list"),
    path("pengguna/baru/", views.user_create, name="user_create"),
    path("pengguna/<int:pk>/aktif/", views.user_toggle_active, name="user_toggle_active"),
]
