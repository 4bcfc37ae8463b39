"""The KPM activity log (desa), the officers' KPM coaching view, the kabupaten's KPM training.

Access (README "Roles and access"): the log is the desa's; its KPM and Admin Desa write, officers
read with `?desa=`; another desa's log or activity is a 404. The coaching view is for officers
only (a village user gets a 404), over their area or `?wilayah=` below it. A training belongs to
a kabupaten/kota: its officer records it; officers above and below read it; a village user sees
the trainings their desa's KPM were invited to.
"""

from __future__ import annotations

import json
import uuid
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from tikar.accounts.models import Role, User
from tikar.accounts.scope import get_scoped_or_404, scoped, scoped_users
from tikar.activities import periods
from tikar.activities.coaching import coaching
from tikar.activities.forms import ActivityForm, AttendanceGrid, TrainingForm, quarter_label
from tikar.activities.models import (
    Activity,
    ActivityKind,
    Attendance,
    ParticipantGroup,
    Training,
    TrainingAttendance,
)
from tikar.calendar import (
    PeriodError,
    add_months,
    month_name,
    parse_month,
    quarter_months,
    year_quarter,
)
from tikar.clock import today
from tikar.households import views as hv
from tikar.households.once import retry_when_locked
from tikar.monitoring.views import month_choices
from tikar.regions.models import Level, Region, parent_code
from tikar.scorecard.views_area import chosen_area, crumbs

GROUP_LABELS = dict(ParticipantGroup.choices)
KIND_LABELS = dict(ActivityKind.choices)


def _desa_query(request: HttpRequest, village: Region) -> str:
    return "" if request.user.is_village_user else f"?desa={village.code}"


def _token(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except (ValueError, TypeError, AttributeError):
        return None


# --------------------------------------------------------------------------------------------
# The desa's activity log


@require_safe
@login_required
def activity_log(request: HttpRequest) -> HttpResponse:
    """A month of the desa's activities (`?bulan=YYYY-MM`) with totals per kind and by sex."""
    village = hv.village_for(request)
    this_month = today().replace(day=1)
    month, notice = _month_param(request.GET.get("bulan", ""), this_month, this_month)
    acts = list(
        scoped(Activity.objects, request.user)
        .filter(village=village, held_on__gte=month, held_on__lt=add_months(month, 1))
        .prefetch_related("attendance")
        .order_by("-held_on", "-id")
    )
    by_kind: dict[str, int] = {}
    men = women = 0
    for a in acts:
        by_kind[a.kind] = by_kind.get(a.kind, 0) + 1
        a.men = sum(x.men for x in a.attendance.all())
        a.women = sum(x.women for x in a.attendance.all())
        men += a.men
        women += a.women
    now = today()
    year, quarter = year_quarter(now)
    q_first, _q2, q_last = quarter_months(year, quarter)
    q_next = add_months(q_last, 1)
    meeting = (
        scoped(Activity.objects, request.user)
        .filter(
            village=village,
            kind=ActivityKind.QUARTERLY_REVIEW,
            held_on__gte=q_first,
            held_on__lt=q_next,
        )
        .order_by("-held_on")
        .first()
    )
    ctx = {
        "village": village,
        "month": month,
        "month_label": month_name(month),
        "months": month_choices(month),
        "desa_param": "" if request.user.is_village_user else village.code,
        "desa_query": _desa_query(request, village),
        "activities": acts,
        "kinds": [(k, label, by_kind.get(k, 0)) for k, label in ActivityKind.choices],
        "total": len(acts),
        "men": men,
        "women": women,
        "can_write": request.user.is_village_user,
        "quarter_label": quarter_label(year, quarter),
        "quarter_meeting": meeting,
        "notices": [notice] if notice else [],
        "agreed_by": village.kind_label,
    }
    return render(request, "activities/log.html", ctx)


def _activity_content(activity: Activity, counts: dict[str, tuple[int, int]]) -> str:
    """What the user typed into the new-activity form, as one comparable string."""
    return json.dumps(
        [
            activity.kind,
            f"{activity.held_on}",
            activity.title,
            activity.place,
            activity.partners,
            activity.notes,
            activity.reviewed_year,
            activity.reviewed_quarter,
            sorted((g, m, w) for g, (m, w) in counts.items() if m or w),
        ]
    )


def _training_content(training: Training) -> str:
    """What the user typed into the new-training form, as one comparable string."""
    return json.dumps(
        [
            training.title,
            f"{training.held_from}",
            f"{training.held_to}",
            training.place,
            training.organiser,
            training.notes,
        ]
    )


def _unused_token(token: uuid.UUID, content: str, find, content_of) -> tuple[uuid.UUID, object]:
    """The token to save a new-form submission under, or the row it repeats.

    A form's one-time token swallows only an identical repeat (a double tap, a resend after a
    timeout): then the saved row is returned. When the row saved under the token holds other
    content (the user went Back, changed the form and saved again), the submission is new: it
    gets a token derived from the old one and its content, so that a double submit of the
    changed form still makes one row. Returns (token, None) to save, or (token, row) when the
    submission was already saved.
    """
    for _attempt in range(8):
        row = find(token)
        if row is None:
            return token, None
        if content_of(row) == content:
            return token, row
        token = uuid.uuid5(token, content)
    # Eight different saved versions of one form: give up deduplicating, never lose the data.
    return uuid.uuid4(), None


def _grid_initial(activity: Activity) -> dict[str, tuple[int, int]]:
    return {a.group: (a.men, a.women) for a in activity.attendance.all()}


def _save_attendance(activity: Activity, grid: AttendanceGrid) -> None:
    activity.attendance.all().delete()
    Attendance.objects.bulk_create(
        Attendance(activity=activity, group=g, men=m, women=w) for g, (m, w) in grid.counts.items()
    )


def _form_context(request, village, form, grid, **extra) -> dict:
    return {
        "village": village,
        "form": form,
        "grid": grid,
        "desa_query": _desa_query(request, village),
        "quarterly": ActivityKind.QUARTERLY_REVIEW,
        **extra,
    }


@login_required
@retry_when_locked
def activity_new(request: HttpRequest) -> HttpResponse:
    """Record an activity (village users of the desa only; an officer gets a 404)."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponse(status=405)
    if not request.user.is_village_user:
        raise Http404
    village = hv.village_for(request)
    if request.method != "POST":
        form = ActivityForm()
        grid = AttendanceGrid()
        token = uuid.uuid4()
        return render(
            request,
            "activities/form.html",
            _form_context(request, village, form, grid, token=token),
        )
    # A missing or malformed token (a hand-made request) still gets one: it is simply not
    # shared with a retry.
    token = _token(request.POST.get("submit_token")) or uuid.uuid4()
    form = ActivityForm(request.POST)
    grid = AttendanceGrid(request.POST)
    if not (form.is_valid() & grid.is_valid()):
        return render(
            request,
            "activities/form.html",
            _form_context(request, village, form, grid, token=token),
            status=400,
        )
    activity = form.save(commit=False)
    content = _activity_content(activity, grid.counts)
    token, done = _unused_token(
        token,
        content,
        lambda t: (
            Activity.objects.filter(submit_token=t, village=village)
            .prefetch_related("attendance")
            .first()
        ),
        lambda a: _activity_content(a, _grid_initial(a)),
    )
    if done is not None:
        messages.info(request, _("This activity was already saved."))
        return redirect("activity_edit", pk=done.pk)
    activity.village = village
    activity.recorded_by = request.user
    activity.submit_token = token
    try:
        with transaction.atomic():
            activity.save()
            _save_attendance(activity, grid)
    except IntegrityError:
        # The same form submitted twice at once: the other request saved it.
        done = get_object_or_404(Activity, submit_token=token, village=village)
        return redirect("activity_edit", pk=done.pk)
    messages.success(request, _("Activity saved."))
    return redirect(f"{reverse('activity_log')}?bulan={activity.held_on:%Y-%m}")


@login_required
@retry_when_locked
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """An activity: village users of its desa edit or delete it; officers read it."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponse(status=405)
    user = request.user
    if request.method == "POST":
        activity = get_object_or_404(scoped(Activity.objects, user, write=True), pk=pk)
    else:
        activity = get_scoped_or_404(Activity.objects, user, pk=pk)
    village = activity.village
    back = f"{reverse('activity_log')}?bulan={activity.held_on:%Y-%m}"
    if not user.is_village_user:
        back += f"&desa={village.code}"
        return render(
            request,
            "activities/detail.html",
            {
                "activity": activity,
                "village": village,
                "rows": [
                    (GROUP_LABELS.get(a.group, a.group), a.men, a.women)
                    for a in activity.attendance.all()
                ],
                "back": back,
                "review": _review(activity, village, user),
            },
        )
    if request.method == "POST" and request.POST.get("action") == "delete":
        activity.delete()
        messages.success(request, _("Activity deleted."))
        return redirect(back)
    if request.method == "POST":
        form = ActivityForm(request.POST, instance=activity)
        grid = AttendanceGrid(request.POST)
        if form.is_valid() & grid.is_valid():
            with transaction.atomic():
                form.save()
                _save_attendance(activity, grid)
            messages.success(request, _("Activity saved."))
            return redirect(f"{reverse('activity_log')}?bulan={activity.held_on:%Y-%m}")
        status = 400
    else:
        form = ActivityForm(instance=activity)
        grid = AttendanceGrid(initial=_grid_initial(activity))
        status = 200
    return render(
        request,
        "activities/form.html",
        _form_context(
            request,
            village,
            form,
            grid,
            activity=activity,
            back=back,
            review=_review(activity, village, user),
        ),
        status=status,
    )


def _review(activity: Activity, village: Region, user) -> dict | None:
    """The Formulir 3 recap a quarterly meeting discussed: its label and link."""
    if activity.kind != ActivityKind.QUARTERLY_REVIEW or not activity.reviewed_year:
        return None
    url = reverse("recap", args=[activity.reviewed_year, activity.reviewed_quarter])
    if not user.is_village_user:
        url += f"?desa={village.code}"
    return {"label": quarter_label(activity.reviewed_year, activity.reviewed_quarter), "url": url}


# --------------------------------------------------------------------------------------------
# Officers' KPM coaching


def _month_param(value: str, default: date, latest: date) -> tuple[date, str]:
    """`?bulan=` / `?akhir=` (YYYY-MM, ASCII digits) and a message in the user's language ("" when
    fine). Empty: `default`. Malformed or before 2000, or after `latest`: `default` and a message
    saying what to fix, as the SKDN report does (tikar/posyandu/views_skdn.py parse_month).
    """
    value = value or ""
    try:
        month = parse_month(value, latest=latest)
    except PeriodError as exc:
        if exc.code == "future":
            return default, _("%(month)s has not come yet: showing %(current)s.") % {
                "month": month_name(parse_month(value)),
                "current": month_name(default),
            }
        return default, _(
            "“%(value)s” is not a month in the form YYYY-MM (for example %(example)s): "
            "showing %(month)s."
        ) % {"value": value[:20], "example": f"{default:%Y-%m}", "month": month_name(default)}
    return (default, "") if month is None else (month, "")


LENGTHS = (1, 3, 6, 12)
DEFAULT_LENGTH = 3


@require_safe
@login_required
def kpm_coaching(request: HttpRequest) -> HttpResponse:
    """Per KPM of the area: activities, participants, trainings and reporting timeliness."""
    user = request.user
    if not user.is_officer or not user.is_active or not user.has_valid_binding:
        raise Http404
    base = user.region if user.role != Role.NATIONAL_ADMIN else None
    area = chosen_area(request, base)
    notices = []
    raw_length = request.GET.get("lama", "")
    length = periods.read_whole(raw_length) if raw_length.strip() else DEFAULT_LENGTH
    if length not in LENGTHS:
        length = DEFAULT_LENGTH
        notices.append(
            _("“%(value)s” is not a number of months to show (%(choices)s): showing %(n)s.")
            % {
                "value": raw_length[:20],
                "choices": ", ".join(str(n) for n in LENGTHS),
                "n": DEFAULT_LENGTH,
            }
        )
    _first, default_last = periods.default_period(today(), length)
    last, notice = _month_param(request.GET.get("akhir", ""), default_last, today().replace(day=1))
    if notice:
        notices.append(notice)
    first = add_months(last, -(length - 1))
    data = coaching(user, area, first, last)
    per_kpm = area is not None and area.level >= Level.REGENCY
    wilayah = area.code if area is not None and area != base else ""
    ctx = {
        "area": area,
        "crumbs": crumbs(user, area),
        "data": data,
        "per_kpm": per_kpm,
        "summary_level": None if area is None else area.level + 1,
        "show_summary": area is None or area.level < Level.DISTRICT,
        "first": first,
        "last": last,
        "first_label": month_name(first),
        "last_label": month_name(last),
        "length": length,
        "lengths": LENGTHS,
        "wilayah": wilayah,
        "notices": notices,
        "ends": [
            {"value": f"{m:%Y-%m}", "label": month_name(m), "selected": m == last}
            for m in (add_months(today().replace(day=1), -i) for i in range(0, 24))
        ],
    }
    return render(request, "activities/coaching.html", ctx)


# --------------------------------------------------------------------------------------------
# KPM training of a kabupaten/kota


def visible_trainings(user) -> QuerySet:
    """The trainings a user may read (deny by default)."""
    qs = Training.objects.all()
    if not user.is_active or not user.has_valid_binding:
        return qs.none()
    if user.role == Role.NATIONAL_ADMIN:
        return qs
    code = user.region_id
    if user.role == Role.PROVINCE_OFFICER:
        return qs.filter(regency__code__startswith=code + ".")
    if user.role == Role.REGENCY_OFFICER:
        return qs.filter(regency=code)
    if user.role == Role.DISTRICT_OFFICER:
        return qs.filter(regency=parent_code(code))
    if user.role == Role.KPM:
        return qs.filter(attendance__kpm=user)
    if user.role == Role.VILLAGE_ADMIN:
        return qs.filter(
            pk__in=TrainingAttendance.objects.filter(kpm__region=code).values("training_id")
        )
    return qs.none()


def can_manage_training(user, regency_code: str) -> bool:
    return (
        user.role == Role.REGENCY_OFFICER
        and user.is_active
        and user.has_valid_binding
        and user.region_id == regency_code
    )


def kpm_candidates(regency_code: str) -> QuerySet:
    """The active KPM accounts of a kabupaten/kota: the only ones a training may list."""
    return (
        User.objects.filter(
            role=Role.KPM, is_active=True, region__code__startswith=regency_code + "."
        )
        .select_related("region")
        .order_by("region_id", "first_name", "username")
    )


@login_required
@retry_when_locked
def training_list(request: HttpRequest) -> HttpResponse:
    """The trainings the user may read, newest first; a kabupaten officer adds one here."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponse(status=405)
    user = request.user
    manager = can_manage_training(user, user.region_id or "")
    form = TrainingForm() if manager else None
    token = uuid.uuid4()
    status = 200
    if request.method == "POST":
        if not manager:
            raise Http404
        token = _token(request.POST.get("submit_token")) or uuid.uuid4()
        form = TrainingForm(request.POST)
        if form.is_valid():
            training = form.save(commit=False)
            token, done = _unused_token(
                token,
                _training_content(training),
                lambda t: Training.objects.filter(submit_token=t, regency=user.region_id).first(),
                _training_content,
            )
            if done is not None:
                messages.info(request, _("This training was already saved."))
                return redirect("training_detail", pk=done.pk)
            training.regency_id = user.region_id
            training.recorded_by = user
            training.submit_token = token
            try:
                with transaction.atomic():
                    training.save()
            except IntegrityError:
                done = get_object_or_404(Training, submit_token=token, regency=user.region_id)
                return redirect("training_detail", pk=done.pk)
            messages.success(request, _("Training saved. Now tick who was invited and attended."))
            return redirect("training_detail", pk=training.pk)
        status = 400
    trainings = list(
        visible_trainings(user).select_related("regency").distinct().order_by("-held_from", "-id")
    )
    return render(
        request,
        "activities/training_list.html",
        {"trainings": trainings, "form": form, "token": token},
        status=status,
    )


ATTENDANCE_STATES = ("", "invited", "attended")


@login_required
@retry_when_locked
def training_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A training and its attendance; its kabupaten's officer edits both (check boxes)."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponse(status=405)
    user = request.user
    training = get_object_or_404(
        visible_trainings(user).select_related("regency").distinct(), pk=pk
    )
    manager = can_manage_training(user, training.regency_id)
    if request.method == "POST" and not manager:
        raise Http404
    candidates = list(kpm_candidates(training.regency_id)) if manager else []
    rows = {
        a.kpm_id: a
        for a in TrainingAttendance.objects.filter(
            training=training, kpm__in=scoped_users(user)
        ).select_related("kpm", "kpm__region")
    }
    form = TrainingForm(instance=training) if manager else None
    status = 200
    error = ""
    if request.method == "POST":
        if request.POST.get("action") == "delete":
            training.delete()
            messages.success(request, _("Training deleted."))
            return redirect("training_list")
        form = TrainingForm(request.POST, instance=training)
        allowed = {k.pk for k in candidates}
        states: dict[int, str] = {}
        for key in request.POST:
            if not key.startswith("kpm_"):
                continue
            # ASCII digits only: int() would also read "kpm_١٢" as 12.
            kpm_id = periods.read_whole(key[4:])
            state = request.POST.get(key, "")
            if kpm_id not in allowed or state not in ATTENDANCE_STATES:
                error = _("Only KPM of this kabupaten/kota can be added to its training.")
                break
            states[kpm_id] = state
        if not error and form.is_valid():
            with transaction.atomic():
                form.save()
                TrainingAttendance.objects.filter(training=training).exclude(
                    kpm_id__in=[k for k, s in states.items() if s]
                ).delete()
                for kpm_id, state in states.items():
                    if state:
                        TrainingAttendance.objects.update_or_create(
                            training=training,
                            kpm_id=kpm_id,
                            defaults={"attended": state == "attended"},
                        )
            messages.success(request, _("Training saved."))
            return redirect("training_detail", pk=training.pk)
        status = 400
    if manager:
        people = [
            {
                "user": k,
                "state": "attended"
                if k.pk in rows and rows[k.pk].attended
                else ("invited" if k.pk in rows else ""),
            }
            for k in candidates
        ]
    else:
        people = [
            {"user": a.kpm, "state": "attended" if a.attended else "invited"}
            for a in sorted(rows.values(), key=lambda a: (a.kpm.region_id, a.kpm.first_name))
        ]
    return render(
        request,
        "activities/training_detail.html",
        {
            "training": training,
            "form": form,
            "manager": manager,
            "people": people,
            "attended": sum(p["state"] == "attended" for p in people),
            "invited": sum(bool(p["state"]) for p in people),
            "error": error,
        },
        status=status,
    )
