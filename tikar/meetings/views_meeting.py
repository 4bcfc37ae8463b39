"""The Rembuk Stunting Desa record: the meeting, the scorecard it saw (frozen), its attendance
and its priority list; and the village activity codes (national list + a kabupaten's own).

Access (docs/rembuk.md, 11b): the desa comes from `village_for` (village users: their own;
officers: `?desa=` inside their area, read only). Only the desa's KPM and Admin Desa write; an
officer's POST is a 403, another desa's id a 404. Sources of the rules: ../shared/spec/rembuk.md.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from tikar import clock
from tikar.accounts.models import Role
from tikar.accounts.scope import get_scoped_or_404, scoped
from tikar.activities.models import ParticipantGroup
from tikar.calendar import previous_quarter, quarter_bounds, year_quarter
from tikar.households import views as hv
from tikar.households.models import Household, Sex
from tikar.meetings import activity_codes as codes
from tikar.meetings.forms import (
    LocalCodeForm,
    MeetingForm,
    ParticipantForm,
    ProposalForm,
    SnapshotForm,
)
from tikar.meetings.models import (
    FundingSource,
    LocalActivityCode,
    Proposal,
    ServicePackage,
    VillageMeeting,
)
from tikar.meetings.terms import budget_terms
from tikar.meetings.totals import path_totals
from tikar.regions.models import Posyandu, Region
from tikar.scorecard import report
from tikar.scorecard.models import QuarterLock
from tikar.scorecard.refresh import ensure_fresh

# A second identical proposal within this many seconds is the same tap sent twice.
DOUBLE_SUBMIT_SECONDS = 30
# How many completed quarters the snapshot form offers, back from the meeting date.
SNAPSHOT_QUARTERS = 8


# --------------------------------------------------------------------------------------------
# Helpers


def year_or_404(year: int) -> int:
    """Meetings are recorded for 2000 .. next year (a date already agreed); else 404."""
    if year < 2000 or year > clock.today().year + 1:
        raise Http404
    return year


def can_write(user, village: Region) -> bool:
    """The desa's own KPM and Admin Desa record the rembuk; officers read."""
    return user.role in (Role.KPM, Role.VILLAGE_ADMIN) and user.region_id == village.code


def desa_query(request: HttpRequest, village: Region) -> str:
    return "" if request.user.is_village_user else f"?desa={village.code}"


def _page(request: HttpRequest, year: int) -> tuple[Region, VillageMeeting | None]:
    year = year_or_404(year)
    village = hv.village_for(request)
    meeting = scoped(VillageMeeting.objects, request.user).filter(village=village, year=year)
    return village, meeting.first()


def _writable_meeting(request: HttpRequest, year: int) -> tuple[Region, VillageMeeting]:
    """For every POST on a meeting's children: 404 outside the scope or with no meeting yet,
    403 for an officer."""
    village, meeting = _page(request, year)
    if meeting is None:
        raise Http404
    if not can_write(request.user, village):
        raise PermissionDenied
    return village, meeting


def _meeting_url(request: HttpRequest, village: Region, year: int, anchor: str = "") -> str:
    return reverse("meeting", args=[year]) + desa_query(request, village) + anchor


def snapshot_quarters(meeting: VillageMeeting, today: date) -> list[tuple[int, int]]:
    """Completed quarters on or before the meeting date (and today), newest first."""
    limit = min(meeting.held_on, today)
    y, q = year_quarter(limit)
    out: list[tuple[int, int]] = []
    while len(out) < SNAPSHOT_QUARTERS:
        if quarter_bounds(y, q)[1] < limit:
            out.append((y, q))
        y, q = previous_quarter(y, q)
    return out


def default_quarter(meeting: VillageMeeting, today: date) -> tuple[int, int]:
    """The latest validated quarter (QuarterLock with locked_at set) that ended on or before
    the meeting date; else the latest completed quarter before it."""
    choices = snapshot_quarters(meeting, today)
    locked = set(
        QuarterLock.objects.filter(village_id=meeting.village_id, locked_at__isnull=False)
        .filter(year__gte=choices[-1][0])
        .values_list("year", "quarter")
    )
    for yq in choices:
        if yq in locked:
            return yq
    return choices[0]


def snapshot_summary(snapshot: dict | None) -> dict[str, Any] | None:
    """What the meeting saw: targets, convergence % (table 4), stunting count and % of the
    children 0-23 months (the base of the village's stunting target)."""
    if not snapshot:
        return None
    t1 = snapshot.get("table1_targets", {})
    children = t1.get("children") or 0
    stunting = t1.get("stunting") or 0
    percent = (
        (Decimal(stunting) * 100 / Decimal(children)).quantize(Decimal("0.01"))
        if children
        else None
    )
    return {
        "year": snapshot["header"]["year"],
        "quarter": snapshot["header"]["quarter"],
        "quarter_roman": snapshot["header"].get("quarter_roman"),
        "validated": bool(snapshot.get("validated")),
        "provisional": bool(snapshot.get("provisional")),
        "households": t1.get("households", 0),
        "pregnancies": t1.get("pregnancies", 0),
        "children": children,
        "stunting": stunting,
        "stunting_percent": percent,
        "convergence": snapshot.get("table4_convergence", {}).get("total", {}).get("percent"),
    }


def dusun_names(village: Region, user) -> list[str]:
    """The desa's dusun as written in the register and on its posyandu, for suggestions."""
    names = set(
        scoped(Household.objects, user)
        .filter(village=village)
        .exclude(dusun="")
        .values_list("dusun", flat=True)
        .distinct()[:200]
    )
    names |= set(
        Posyandu.objects.filter(village=village).exclude(dusun="").values_list("dusun", flat=True)
    )
    # One suggestion per dusun: spaces collapsed, "dusun i" and "Dusun I" are the same name.
    unique: dict[str, str] = {}
    for name in names:
        clean = " ".join(name.split())
        if clean:
            unique.setdefault(clean.casefold(), clean)
    return sorted(unique.values(), key=str.casefold)


def local_codes(village: Region) -> list[LocalActivityCode]:
    return list(LocalActivityCode.objects.filter(regency_id=village.code[:5]).order_by("code"))


def _proposal_form(request, village, meeting, data=None, instance=None) -> ProposalForm:
    return ProposalForm(
        data,
        instance=instance,
        terms=budget_terms(village),
        snapshot=meeting.scorecard_snapshot,
        local_codes=local_codes(village),
    )


# --------------------------------------------------------------------------------------------
# The meeting page


@require_safe
@login_required
def meeting_current(request: HttpRequest) -> HttpResponse:
    village = hv.village_for(request)
    return redirect(_meeting_url(request, village, clock.today().year))


@login_required
def meeting(request: HttpRequest, year: int) -> HttpResponse:
    village, instance = _page(request, year)
    year = year_or_404(year)
    terms = budget_terms(village)
    editable = can_write(request.user, village)
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponse(status=405)
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        form = MeetingForm(request.POST, instance=instance, year=year, terms=terms)
        if form.is_valid():
            m = form.save(commit=False)
            m.village, m.year = village, year
            m.updated_by = request.user
            if m.pk is None:
                m.created_by = request.user
            m._history_user = request.user
            try:
                with transaction.atomic():
                    m.save()
            except IntegrityError:
                # The same form sent twice at once: the first one made the meeting.
                messages.info(request, _("The rembuk was already saved."))
                return redirect(_meeting_url(request, village, year))
            messages.success(request, _("The rembuk of %(year)s is saved.") % {"year": year})
            return redirect(_meeting_url(request, village, year))
    else:
        form = MeetingForm(instance=instance, year=year, terms=terms)
    if not editable:
        for field in form.fields.values():
            field.disabled = True
    ctx: dict[str, Any] = {
        "village": village,
        "year": year,
        "meeting": instance,
        "terms": terms,
        "form": form,
        "editable": editable,
        "desa_query": desa_query(request, village),
        "years": list(range(clock.today().year + 1, clock.today().year - 4, -1)),
    }
    if instance is not None:
        ctx.update(_meeting_context(request, village, instance, editable))
    # An invalid form answers 400, like the other forms of these pages.
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "meetings/meeting.html", ctx, status=status)


def _meeting_context(request, village, meeting, editable: bool) -> dict[str, Any]:
    today = clock.today()
    participants = list(meeting.participants.all())
    by_sex = {s: 0 for s, _label in Sex.choices}
    for p in participants:
        by_sex[p.sex] = by_sex.get(p.sex, 0) + 1
    group_labels = dict(ParticipantGroup.choices)
    by_group = [
        (group_labels.get(row["group"], row["group"]), row["n"])
        for row in meeting.participants.values("group").annotate(n=Count("pk")).order_by("group")
    ]
    proposals = list(meeting.proposals.all())
    terms = budget_terms(village)
    totals = path_totals(proposals, sources=terms.funding_sources)
    package_labels = dict(ServicePackage.choices)
    source_labels = dict(FundingSource.choices)
    choices = snapshot_quarters(meeting, today)
    chosen = default_quarter(meeting, today)
    if meeting.scorecard_year and (meeting.scorecard_year, meeting.scorecard_quarter) in choices:
        chosen = (meeting.scorecard_year, meeting.scorecard_quarter)
    locked = set(
        QuarterLock.objects.filter(village=village, locked_at__isnull=False).values_list(
            "year", "quarter"
        )
    )
    snapshot_form = SnapshotForm(
        initial={"quarter": f"{chosen[0]}-{chosen[1]}"},
        choices=[
            (
                f"{y}-{q}",
                f"{report.ROMAN[q]} {y}" + (f" · {_('validated')}" if (y, q) in locked else ""),
            )
            for y, q in choices
        ],
    )
    return {
        "participants": participants,
        "by_sex": [(dict(Sex.choices).get(s, s), n) for s, n in by_sex.items()],
        "by_group": by_group,
        "participant_form": ParticipantForm(),
        "proposals": proposals,
        "package_labels": package_labels,
        "source_labels": source_labels,
        "totals": totals,
        "by_package": [(package_labels.get(t.key, t.key), t) for t in totals.by_package],
        "by_source": [(source_labels.get(t.key, t.key), t) for t in totals.by_source],
        "summary": snapshot_summary(meeting.scorecard_snapshot),
        "snapshot_form": snapshot_form,
    }


# --------------------------------------------------------------------------------------------
# The scorecard presented


@require_POST
@login_required
def meeting_snapshot(request: HttpRequest, year: int) -> HttpResponse:
    """Freeze Formulir 4 of the chosen quarter into the meeting. Re-freezing an existing
    snapshot asks for confirmation first (the earlier one stays in the history)."""
    village, meeting = _writable_meeting(request, year)
    today = clock.today()
    choices = snapshot_quarters(meeting, today)
    form = SnapshotForm(
        request.POST, choices=[(f"{y}-{q}", f"{report.ROMAN[q]} {y}") for y, q in choices]
    )
    back = _meeting_url(request, village, year, "#scorecard")
    if not form.is_valid():
        messages.error(request, _("Choose one of the quarters in the list."))
        return redirect(back)
    y, q = form.year_quarter()
    if meeting.scorecard_snapshot and not form.cleaned_data["confirm"]:
        return render(
            request,
            "meetings/meeting_snapshot_confirm.html",
            {
                "village": village,
                "year": year,
                "meeting": meeting,
                "new_label": f"{report.ROMAN[q]} {y}",
                "quarter_value": f"{y}-{q}",
                "summary": snapshot_summary(meeting.scorecard_snapshot),
                "desa_query": desa_query(request, village),
            },
        )
    ensure_fresh(village.code, y, q)
    data = report.scorecard_data(village, y, q)
    # Through JSON and back: the stored value is exactly what a later read returns.
    meeting.scorecard_snapshot = json.loads(report.to_json(data))
    meeting.scorecard_year, meeting.scorecard_quarter = y, q
    meeting.snapshot_taken_at = timezone.now()
    meeting.updated_by = request.user
    meeting._history_user = request.user
    meeting.save()
    messages.success(
        request,
        _("The scorecard of quarter %(quarter)s %(year)s is frozen in the rembuk record.")
        % {"quarter": report.ROMAN[q], "year": y},
    )
    return redirect(back)


# --------------------------------------------------------------------------------------------
# Participants


@require_POST
@login_required
def participant_add(request: HttpRequest, year: int) -> HttpResponse:
    village, meeting = _writable_meeting(request, year)
    form = ParticipantForm(request.POST)
    back = _meeting_url(request, village, year, "#participants")
    if form.is_valid():
        name = form.cleaned_data["name"]
        data = form.cleaned_data
        if meeting.participants.filter(
            name__iexact=name,
            group=data["group"],
            institution=data["institution"],
            sex=data["sex"],
            signs_minutes=data["signs_minutes"],
        ).exists():
            # Every field the same: the form sent twice, not a second person. The same name
            # with another institution or sex is another person and is added.
            messages.info(request, _("%(name)s is already in the list.") % {"name": name})
        else:
            p = form.save(commit=False)
            p.meeting = meeting
            p.order = (meeting.participants.count() or 0) + 1
            p.save()
            _touch(meeting, request.user)
            messages.success(request, _("%(name)s is added.") % {"name": name})
        if request.headers.get("HX-Request"):
            return _participants_fragment(request, village, meeting)
        return redirect(back)
    if request.headers.get("HX-Request"):
        return _participants_fragment(request, village, meeting, form=form)
    ctx = {"village": village, "year": year, "meeting": meeting, "form": form,
           "desa_query": desa_query(request, village)}  # fmt: skip
    return render(request, "meetings/meeting_participant_form.html", ctx, status=400)


def _participants_fragment(request, village, meeting, form=None) -> HttpResponse:
    ctx = {
        "village": village,
        "year": meeting.year,
        "meeting": meeting,
        "editable": True,
        "desa_query": desa_query(request, village),
        **_meeting_context(request, village, meeting, True),
    }
    if form is not None:
        ctx["participant_form"] = form
    return render(request, "meetings/meeting_participants.html", ctx)


@require_POST
@login_required
def participant_delete(request: HttpRequest, year: int, pk: int) -> HttpResponse:
    village, meeting = _writable_meeting(request, year)
    participant = meeting.participants.filter(pk=pk).first()
    if participant is not None:
        participant.delete()
        _touch(meeting, request.user)
        messages.success(request, _("%(name)s is removed.") % {"name": participant.name})
    # A second tap on "remove" finds nothing: not an error.
    return redirect(_meeting_url(request, village, year, "#participants"))


def _touch(meeting: VillageMeeting, user) -> None:
    """Who last changed the record (attendance has no history of its own)."""
    meeting.updated_by = user
    meeting._history_user = user
    meeting.save(update_fields=["updated_by", "updated_at"])


# --------------------------------------------------------------------------------------------
# Priority list


def _proposal_page(request, village, meeting, form, proposal=None, editable=True, status=200):
    ctx = {
        "village": village,
        "year": meeting.year,
        "meeting": meeting,
        "form": form,
        "proposal": proposal,
        "editable": editable,
        "terms": budget_terms(village),
        "dusun_names": dusun_names(village, request.user),
        "desa_query": desa_query(request, village),
    }
    return render(request, "meetings/proposal_form.html", ctx, status=status)


@login_required
def proposal_new(request: HttpRequest, year: int) -> HttpResponse:
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponse(status=405)
    village, meeting = _writable_meeting(request, year)
    if request.method != "POST":
        form = _proposal_form(request, village, meeting)
        indicator = request.GET.get("indicator", "") or request.GET.get("indikator", "")
        if indicator in dict(form.fields["indicator"].choices):
            form.initial["indicator"] = indicator
        return _proposal_page(request, village, meeting, form)
    form = _proposal_form(request, village, meeting, request.POST)
    if not form.is_valid():
        return _proposal_page(request, village, meeting, form, status=400)
    data = form.cleaned_data
    with transaction.atomic():
        # Lock the meeting row: two copies of one tap arriving together are serialised here,
        # so the second one sees the first one's row.
        VillageMeeting.objects.select_for_update().filter(pk=meeting.pk).first()
        # A double submit is the same content in EVERY field the user typed; a proposal that
        # differs in any one (dusun, indicator, implementer…) is another proposal.
        twin = meeting.proposals.filter(
            **{name: data[name] for name in ProposalForm.Meta.fields},
            updated_at__gte=timezone.now() - timedelta(seconds=DOUBLE_SUBMIT_SECONDS),
        ).first()
        if twin is None:
            p = form.save(commit=False)
            p.meeting = meeting
            p.order = (meeting.proposals.count() or 0) + 1
            p.updated_by = request.user
            p._history_user = request.user
            p.save()
            messages.success(request, _("The proposal is added to the priority list."))
        else:
            messages.info(request, _("This proposal was already saved."))
    return redirect(_meeting_url(request, village, year, "#proposals"))


@login_required
def proposal_edit(request: HttpRequest, year: int, pk: int) -> HttpResponse:
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponse(status=405)
    village, meeting = _page(request, year)
    if meeting is None:
        raise Http404
    proposal = get_scoped_or_404(
        Proposal.objects.filter(meeting=meeting), request.user, "meeting__village", pk=pk
    )
    editable = can_write(request.user, village)
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        form = _proposal_form(request, village, meeting, request.POST, instance=proposal)
        if form.is_valid():
            p = form.save(commit=False)
            p.updated_by = request.user
            p._history_user = request.user
            p.save()
            messages.success(request, _("The proposal is saved."))
            return redirect(_meeting_url(request, village, year, "#proposals"))
        return _proposal_page(request, village, meeting, form, proposal, status=400)
    form = _proposal_form(request, village, meeting, instance=proposal)
    if not editable:
        for field in form.fields.values():
            field.disabled = True
    return _proposal_page(request, village, meeting, form, proposal, editable)


@require_POST
@login_required
def proposal_delete(request: HttpRequest, year: int, pk: int) -> HttpResponse:
    village, meeting = _writable_meeting(request, year)
    proposal = scoped(Proposal.objects, request.user, "meeting__village", write=True).filter(
        meeting=meeting, pk=pk
    )
    p = proposal.first()
    if p is not None:
        p._history_user = request.user
        p.delete()
        messages.success(request, _("The proposal is removed from the list."))
    return redirect(_meeting_url(request, village, year, "#proposals"))


# --------------------------------------------------------------------------------------------
# Village activity codes


def _regency_of(user) -> Region | None:
    """The kabupaten/kota whose own codes the user sees (its officers, and everyone inside)."""
    code = user.region_id or ""
    if len(code) < 5:
        return None
    return Region.objects.filter(code=code[:5]).first()


def _code_users(user, row: LocalActivityCode) -> list[tuple[str, int]]:
    """(desa name, number of proposals) using a kabupaten code, read through the scope."""
    rows = (
        scoped(Proposal.objects, user, "meeting__village")
        .filter(activity_code=row.code, meeting__village__code__startswith=row.regency_id)
        .values("meeting__village__name")
        .annotate(n=Count("pk"))
        .order_by("meeting__village__name")
    )
    return [(r["meeting__village__name"], r["n"]) for r in rows]


@login_required
def activity_codes(request: HttpRequest) -> HttpResponse:
    """The Permendagri 20/2018 list for everyone; a kabupaten/kota officer adds and removes
    their own codes (kegiatan 90-99); others read them."""
    user = request.user
    regency = _regency_of(user)
    manages = user.role == Role.REGENCY_OFFICER and user.has_valid_binding and regency is not None
    form = None
    if request.method == "POST":
        if not manages:
            raise PermissionDenied
        if "delete" in request.POST:
            raw = request.POST.get("delete", "")
            if raw.isdigit() and len(raw) < 12:
                row = LocalActivityCode.objects.filter(regency=regency, pk=int(raw)).first()
                users = _code_users(user, row) if row is not None else []
                if users:
                    # Removing it would leave those proposals with a code nobody can read.
                    messages.error(
                        request,
                        _(
                            "Code %(code)s is not removed: proposals that use it: %(n)d "
                            "(%(desa)s). Change their code first."
                        )
                        % {
                            "code": row.code,
                            "n": sum(n for _name, n in users),
                            "desa": ", ".join(f"{name}: {n}" for name, n in users),
                        },
                    )
                elif row is not None:
                    row.delete()
                    messages.success(request, _("Code %(code)s is removed.") % {"code": row.code})
            return redirect("activity_codes")
        form = LocalCodeForm(request.POST, regency=regency)
        if form.is_valid():
            row = form.save(commit=False)
            row.regency = regency
            row.created_by = user
            try:
                with transaction.atomic():
                    row.save()
            except IntegrityError:
                pass  # the same code sent twice at once: the first one is kept
            messages.success(request, _("Code %(code)s is added.") % {"code": row.code})
            return redirect("activity_codes")
    elif request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405)
    elif manages:
        form = LocalCodeForm(regency=regency)
    package_labels = dict(ServicePackage.choices)
    national = [
        {
            "code": c.code,
            "name": c.name,
            "package": package_labels.get(c.package, "") if c.package else "",
            "bidang": codes.bidang_names().get(c.code[0], ""),
        }
        for c in codes.national_codes().values()
    ]
    local = list(
        LocalActivityCode.objects.filter(regency=regency).order_by("code") if regency else []
    )
    ctx = {
        "national": national,
        "local": local,
        "regency": regency,
        "manages": manages,
        "form": form,
        "package_labels": package_labels,
    }
    return render(
        request, "meetings/activity_codes.html", ctx, status=400 if form and form.errors else 200
    )
