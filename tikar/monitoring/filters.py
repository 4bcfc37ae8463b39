"""Search and filters of "Tugas bulan ini", and the "save and next" walk through the same list.

A desa has hundreds of targets (the demo Sibargot: 322), so a KPM at one posyandu must be able to
narrow the month's list to what she is about to record: by name, NIK or KIA number, by posyandu
or dusun, by form (2a/2b/2c) and to what is not yet recorded. The filter travels in the query
string (`?cari=&posyandu=&dusun=&formulir=&belum=1&hal=`) from the list to the entry page and on
to the next target, so the list never reopens at the top.

`TaskFilter` is a django-filter FilterSet applied twice, to the month's pregnancies and to its
children (one desa's targets live in two tables); what depends on the month (which form a child
is on, whether the record is done) is filtered on the resulting list.

Speed (issue 12: p95 < 100 ms for a desa of 1,000 targets, bench/bench_monthly_pages.py): the
whole filtered list is read as plain values (`queries.TaskRow`, two queries, no model
instances) because the counts, the order, the groups and "save and next" need every line;
only the page's 40 lines become rows of the page. Every task stays reachable: the counts say
how many there are, the pager walks them in the list's order, the search and the filters
narrow them, and "save and next" crosses pages by itself. The page size stays 40 rather than
"show all": the cost of a page no longer grows with the list, and a long page on a cheap phone
is slower to draw than the server is to send it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tikar.households.models import Child, Household, Pregnancy
from tikar.households.search import search_q
from tikar.monitoring import queries, rules
from tikar.regions.models import Posyandu

# Query-string names. "form" is taken by the entry page (which of 2b/2c in the month of the
# 2nd birthday), so the form filter is "formulir".
PARAMS = ("cari", "posyandu", "dusun", "formulir", "belum")
PAGE_PARAM = "hal"
PAGE_SIZE = 40  # about six phone screens of rows; enough for one posyandu's day

FORM_CHOICES = (
    (rules.FORM_2A, _("Pregnancy (2a)")),
    (rules.FORM_2B, _("Child 0-23 months (2b)")),
    (rules.FORM_2C, _("PAUD (2c)")),
)


def _household_prefix(model) -> str:
    return "mother__household__" if model is Pregnancy else "household__"


def dusun_of(village) -> list[tuple[str, str]]:
    """The dusun named in the desa's households, for the dusun filter."""
    names = (
        Household.objects.alive()
        .filter(village=village)
        .exclude(dusun="")
        .values_list("dusun", flat=True)
        .distinct()
        .order_by("dusun")
    )
    return [(d, d) for d in names]


class TaskFilter(django_filters.FilterSet):
    """The filters of the month's list; `village` limits the posyandu and dusun offered."""

    cari = django_filters.CharFilter(
        method="filter_search",
        label=_("Name, NIK or KIA number"),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    posyandu = django_filters.ModelChoiceFilter(
        queryset=Posyandu.objects.none(),
        method="filter_posyandu",
        label=_("Posyandu"),
        empty_label=_("All posyandu"),
    )
    dusun = django_filters.ChoiceFilter(
        method="filter_dusun", label=_("Dusun"), empty_label=_("All dusun")
    )
    formulir = django_filters.ChoiceFilter(
        choices=FORM_CHOICES, method="filter_form", label=_("Form"), empty_label=_("All forms")
    )
    belum = django_filters.BooleanFilter(
        method="filter_nothing",  # applied to the Task list: it depends on the month
        label=_("Only not yet recorded"),
        widget=forms.CheckboxInput(attrs={"value": "1"}),
    )

    def __init__(self, data=None, *args, village=None, dusun_choices=None, **kwargs) -> None:
        super().__init__(data, *args, **kwargs)
        self.filters["posyandu"].queryset = Posyandu.objects.filter(village=village).order_by(
            "name"
        )
        if dusun_choices is None:
            dusun_choices = dusun_of(village)
        self.filters["dusun"].extra["choices"] = dusun_choices

    def filter_search(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return qs.filter(search_q(qs.model, value))

    def filter_posyandu(self, qs: QuerySet, name: str, value: Posyandu | None) -> QuerySet:
        if value is None:
            return qs
        # The same rule as the list's grouping: the target's posyandu, else its household's.
        hh = _household_prefix(qs.model)
        return qs.filter(Q(posyandu=value) | Q(posyandu__isnull=True, **{f"{hh}posyandu": value}))

    def filter_dusun(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return qs.filter(**{f"{_household_prefix(qs.model)}dusun": value}) if value else qs

    def filter_form(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        if not value:
            return qs
        wanted = Pregnancy if value == rules.FORM_2A else Child
        return qs if qs.model is wanted else qs.none()

    def filter_nothing(self, qs: QuerySet, name: str, value) -> QuerySet:
        return qs


@dataclass(frozen=True)
class FilteredTasks:
    filterset: TaskFilter
    tasks: list[queries.TaskRow]  # in the list's order: group, then not recorded first, then name
    query: str  # the filter as a query string ("cari=...&belum=1"), "" when none

    @property
    def active(self) -> bool:
        return bool(self.query)


def filtered_tasks(village, month: date, data) -> FilteredTasks:
    """The month's tasks of `village` that pass the filter in `data` (a QueryDict).

    An invalid value (a posyandu of another desa, an unknown form) is ignored, as if the
    filter were not set, so a stale link still opens a list. The lines are `TaskRow` values
    (no model instances): the whole list is sorted and counted, a page of it is shown.
    """
    params = _clean_params(data)
    dusun = dusun_of(village)

    def make(params: dict, qs: QuerySet) -> TaskFilter:
        return TaskFilter(params, queryset=qs, village=village, dusun_choices=dusun)

    fs = make(params, queries.active_pregnancies(village.code, month))
    if not fs.is_valid():
        params = {k: v for k, v in params.items() if k not in fs.errors}
        fs = make(params, fs.queryset)
        fs.is_valid()
    pregnancies = fs
    children = make(params, queries.active_children(village.code, month))
    items = queries.task_rows(village.code, month, pregnancies=pregnancies.qs, children=children.qs)
    cleaned = fs.form.cleaned_data
    if cleaned.get("formulir"):
        items = [t for t in items if t.form == cleaned["formulir"]]
    if cleaned.get("belum"):
        items = [t for t in items if not t.done]
    groups = _GroupNames()
    # A stable sort: equal keys keep tasks_for_month's order (pregnancies, then children by
    # birth date and name).
    items.sort(key=lambda t: (groups(t), t.done, t.name.lower(), t.form))
    query = urlencode([(k, "1" if k == "belum" else fs.data[k]) for k in PARAMS if fs.data.get(k)])
    return FilteredTasks(fs, items, query)


def _clean_params(data) -> dict:
    out = {k: data.get(k, "").strip() for k in PARAMS if data.get(k, "").strip()}
    if out.get("belum") and out["belum"] not in ("1", "on", "true", "True"):
        out.pop("belum")
    return out


def group_name(row: queries.TaskRow) -> str:
    """Posyandu name, else "Dusun X", else a catch-all (the list's groups, in this order)."""
    if row.posyandu is not None:
        return row.posyandu
    if row.dusun:
        if row.dusun.lower().startswith("dusun"):
            return row.dusun  # typed as "Dusun II": not "Dusun Dusun II"
        return gettext("Dusun %(dusun)s") % {"dusun": row.dusun}
    return gettext("No posyandu or dusun yet")


class _GroupNames:
    """`group_name` remembered per (posyandu, dusun): a desa has a handful of groups and
    hundreds of lines, so each translation is looked up once per request, not per line."""

    def __init__(self) -> None:
        self.names: dict[tuple[str | None, str], str] = {}

    def __call__(self, row: queries.TaskRow) -> str:
        key = (row.posyandu, row.dusun)
        name = self.names.get(key)
        if name is None:
            name = self.names[key] = group_name(row)
        return name


def entry_url(row: queries.TaskRow, month: date) -> str:
    """The monthly entry page of a line (households.views.month_url), naming the form only in
    the month of the 2nd birthday, the one month with two (2b and 2c)."""
    url = reverse("record_month", kwargs={"pk": row.pk, "year": month.year, "month": month.month})
    if row.is_child and len(rules.child_forms_for_month(row.birth_date, month)) > 1:
        return f"{url}?form={row.form}"
    return url


def next_task(tasks: list[queries.TaskRow], current, form: str | None) -> queries.TaskRow | None:
    """The next target still to record after `current` in the list's order, wrapping around.

    `current` itself (just saved) is skipped; None when nothing is left to record.
    """
    todo = [t for t in tasks if not t.done and t.pk != current.pk]
    if not todo:
        return None
    keys = [(t.pk, t.form) for t in tasks]
    try:
        here = (
            keys.index((current.pk, form))
            if form
            else next(i for i, k in enumerate(keys) if k[0] == current.pk)
        )
    except (ValueError, StopIteration):
        return todo[0]
    after = [t for t in tasks[here + 1 :] if not t.done and t.pk != current.pk]
    return after[0] if after else todo[0]


def with_query(url: str, query: str) -> str:
    """`url` with the filter's query string appended."""
    if not query:
        return url
    return f"{url}{'&' if '?' in url else '?'}{query}"
