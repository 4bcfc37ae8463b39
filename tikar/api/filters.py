"""Query filters of the list endpoints.

Foreign keys are filtered by id (`UUIDFilter` on the `_id` column), never with a choice
filter that looks the id up: "no such household" versus "an empty list" would tell a user
whether another desa's record exists.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters

from tikar.households.models import Child, Household, Mother, Pregnancy
from tikar.monitoring.models import ChildVisit, Conflict, PaudRecord, PregnancyVisit, VillageYear
from tikar.regions.models import Posyandu, Region

SINCE_HELP = _("Only the records changed after this change number (the sync cursor).")


class SyncedFilter(filters.FilterSet):
    since = filters.NumberFilter(
        field_name="change_seq", lookup_expr="gt", min_value=0, help_text=SINCE_HELP
    )


class HouseholdFilter(SyncedFilter):
    class Meta:
        model = Household
        fields = ["dusun", "rt", "rw"]


class MotherFilter(SyncedFilter):
    household = filters.UUIDFilter(field_name="household_id")
    nik = filters.CharFilter(field_name="nik", lookup_expr="startswith")

    class Meta:
        model = Mother
        fields = ["household", "nik"]


class PregnancyFilter(SyncedFilter):
    mother = filters.UUIDFilter(field_name="mother_id")
    open = filters.BooleanFilter(
        field_name="closed_at", lookup_expr="isnull", help_text=_("Only open (true) or closed.")
    )

    class Meta:
        model = Pregnancy
        fields = ["mother", "open", "kia_number"]


class ChildFilter(SyncedFilter):
    household = filters.UUIDFilter(field_name="household_id")
    mother = filters.UUIDFilter(field_name="mother_id")

    class Meta:
        model = Child
        fields = ["household", "mother", "sex"]


MONTH_FORMATS = ["%Y-%m", "%Y-%m-%d"]


class MonthlyFilter(SyncedFilter):
    month = filters.DateFilter(
        field_name="month", input_formats=MONTH_FORMATS, help_text=_("The month, YYYY-MM.")
    )
    target = filters.UUIDFilter(method="filter_target", help_text=_("The target's id."))

    def filter_target(self, queryset, name, value):
        return queryset.filter(**{f"{queryset.model.TARGET_FIELD}_id": value})


class PregnancyVisitFilter(MonthlyFilter):
    class Meta:
        model = PregnancyVisit
        fields = ["month", "target"]


class ChildVisitFilter(MonthlyFilter):
    class Meta:
        model = ChildVisit
        fields = ["month", "target"]


class PaudRecordFilter(MonthlyFilter):
    class Meta:
        model = PaudRecord
        fields = ["month", "target"]


class VillageYearFilter(SyncedFilter):
    class Meta:
        model = VillageYear
        fields = ["year"]


class RegionFilter(filters.FilterSet):
    parent = filters.CharFilter(field_name="parent_id")

    class Meta:
        model = Region
        fields = ["level", "parent"]


class PosyanduFilter(filters.FilterSet):
    village = filters.CharFilter(field_name="village_id")

    class Meta:
        model = Posyandu
        fields = ["village", "active"]


class ConflictFilter(filters.FilterSet):
    resolved = filters.BooleanFilter(
        field_name="resolved_at", lookup_expr="isnull", exclude=True, help_text=_("Resolved?")
    )
    record_id = filters.UUIDFilter(field_name="record_id")

    class Meta:
        model = Conflict
        fields = ["resolved", "record_id", "month"]
