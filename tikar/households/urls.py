from django.urls import path

from tikar.households import views, views_edit

urlpatterns = [
    path("rumah-tangga/baru/", views.register, name="register"),
    path("verifikasi/", views.verify, name="verify"),
    # Corrections, and the way back from a delete (views_edit.py).
    path("sasaran/<uuid:pk>/ubah/", views_edit.target_edit, name="target_edit"),
    path("ibu/<uuid:pk>/ubah/", views_edit.mother_edit, name="mother_edit"),
    path("sasaran/terhapus/", views_edit.deleted_list, name="deleted_list"),
    path("sasaran/<uuid:pk>/pulihkan/", views_edit.target_restore, name="target_restore"),
]
