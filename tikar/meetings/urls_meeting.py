from django.urls import path

from tikar.meetings import views_meeting

urlpatterns = [
    path("rembuk/", views_meeting.meeting_current, name="meeting_current"),
    path("rembuk/<year:year>/", views_meeting.meeting, name="meeting"),
    path("rembuk/<year:year>/potret/", views_meeting.meeting_snapshot, name="meeting_snapshot"),
    path("rembuk/<year:year>/peserta/", views_meeting.participant_add, name="participant_add"),
    path(
        "rembuk/<year:year>/peserta/<int:pk>/hapus/",
        views_meeting.participant_delete,
        name="participant_delete",
    ),
    path("rembuk/<year:year>/usulan/baru/", views_meeting.proposal_new, name="proposal_new"),
    path("rembuk/<year:year>/usulan/<int:pk>/", views_meeting.proposal_edit, name="proposal_edit"),
    path(
        "rembuk/<year:year>/usulan/<int:pk>/hapus/",
        views_meeting.proposal_delete,
        name="proposal_delete",
    ),
    path("kode-kegiatan-desa/", views_meeting.activity_codes, name="activity_codes"),
]
