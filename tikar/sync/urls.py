"""Pages of the sync app: the review of conflicts (konflik)."""

urlpatterns: list = []
