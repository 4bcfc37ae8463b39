from django.urls import path

from tikar.households import views

urlpatterns = [
    path("rumah-tangga/baru/", views.register, name="register"),
    path("sasaran/<uuid:pk>/", views.target, name="target"),
    path("sasaran/<uuid:pk>/hapus/", views.target_delete, name="target_delete"),
    path("verifikasi/", views.verify, name="verify"),
]
