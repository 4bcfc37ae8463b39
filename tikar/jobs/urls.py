from django.urls import path

from tikar.jobs import views

urlpatterns = [
    path("berkas/", views.file_list, name="prepared_files"),
    path("berkas/<uuid:pk>/", views.file_page, name="prepared_file"),
    path("berkas/<uuid:pk>/unduh/", views.file_download, name="prepared_file_download"),
]
