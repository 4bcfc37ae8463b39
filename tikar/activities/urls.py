from django.urls import path

from tikar.activities import views

urlpatterns = [
    path("kegiatan-kpm/", views.activity_log, name="activity_log"),
    path("kegiatan-kpm/baru/", views.activity_new, name="activity_new"),
    path("kegiatan-kpm/<int:pk>/", views.activity_edit, name="activity_edit"),
    path("pembinaan-kpm/", views.kpm_coaching, name="kpm_coaching"),
    path("pelatihan-kpm/", views.training_list, name="training_list"),
    path("pelatihan-kpm/<int:pk>/", views.training_detail, name="training_detail"),
]
