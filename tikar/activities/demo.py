"""Demo KPM activity logs and one kabupaten KPM training. Idempotent and fast (bulk inserts).

Each demo desa gets six months of a believable log before `today`: the growth mat introduced at
the posyandu, a fathers' class every other month, a monthly coordination meeting with the bidan,
and the quarterly coordination meeting on Formulir 3 in the first month of each quarter. One desa
(LAGGING) lags: a single activity and no quarterly meeting, so the officers' coaching view has a
weakest row. A desa that already has an activity is left alone; the training is found by title.
"""

from __future__ import annotations

from datetime import date

from tikar.accounts.models import Role, User
from tikar.activities.models import (
    Activity,
    ActivityKind,
    Attendance,
    ParticipantGroup,
    Training,
    TrainingAttendance,
)
from tikar.calendar import add_months, previous_quarter, year_quarter
from tikar.clock import today as clock_today

LAGGING = "12.10.07.2005"
TRAINING_TITLE = "Pelatihan KPM: pemantauan konvergensi dan tikar pertumbuhan"
G = ParticipantGroup


def _plan(month: date, index: int) -> list[tuple[int, str, str, str, str, dict]]:
    """(day, kind, title, place, partners, {group: (men, women)}) for one month of a desa."""
    out = [
        (
            8 + index % 5,
            ActivityKind.PARTNER_MEETING,
            "Rapat koordinasi dengan bidan desa",
            "Kantor desa",
            "Bidan desa, kader posyandu",
            {G.MIDWIFE: (0, 1), G.POSYANDU_CADRE: (0, 4), G.KPM: (0, 1)},
        ),
        (
            14 + index % 4,
            ActivityKind.GROWTH_MAT,
            "Sosialisasi tikar pertumbuhan di posyandu",
            "Posyandu",
            "Kader posyandu",
            {G.PARENTS: (2 + index % 3, 18 + index % 7), G.POSYANDU_CADRE: (0, 3)},
        ),
    ]
    if month.month % 2 == 0:
        out.append(
            (
                20,
                ActivityKind.FATHERS,
                "Kelas ayah: gizi 1.000 HPK",
                "Balai dusun",
                "Bidan desa, tokoh agama",
                {G.PARENTS: (11 + index % 4, 0), G.RELIGIOUS: (1, 0), G.MIDWIFE: (0, 1)},
            )
        )
    if month.month in (1, 4, 7, 10):
        out.append(
            (
                11,
                ActivityKind.QUARTERLY_REVIEW,
                "Rapat koordinasi 3 bulanan: scorecard desa",
                "Kantor desa",
                "Pemerintah desa, bidan, guru PAUD, kader",
                {
                    G.VILLAGE_GOVERNMENT: (3, 1),
                    G.MIDWIFE: (0, 1),
                    G.PAUD_TEACHER: (0, 2),
                    G.POSYANDU_CADRE: (0, 5),
                    G.KPM: (0, 1),
                    G.BPD: (2, 0),
                },
            )
        )
    if month.month == 9:
        out.append(
            (
                24,
                ActivityKind.SOCIALISATION,
                "Sosialisasi konvergensi stunting di pengajian",
                "Masjid",
                "Tokoh agama, PKK",
                {G.COMMUNITY: (6, 25), G.PKK: (0, 8)},
            )
        )
    return out


def load(village_codes: list[str], *, today: date | None = None) -> None:
    """Add the demo log of each desa and the kabupaten's training; a second call adds nothing."""
    today = today or clock_today()
    done = set(
        Activity.objects.filter(village__in=village_codes).values_list("village_id", flat=True)
    )
    kpms = {
        u.region_id: u
        for u in User.objects.filter(role=Role.KPM, region__in=village_codes).order_by("-pk")
    }
    this_month = today.replace(day=1)
    rows: list[tuple[Activity, dict]] = []
    for index, code in enumerate(village_codes):
        if code in done:
            continue
        months = [add_months(this_month, -i) for i in range(6, 0, -1)]
        for month in months:
            plan = _plan(month, index)
            if code == LAGGING:
                plan = plan[:1] if month == months[1] else []
            for day, kind, title, place, partners, people in plan:
                held = month.replace(day=day)
                year, quarter = previous_quarter(*year_quarter(held))
                activity = Activity(
                    village_id=code,
                    kind=kind,
                    held_on=held,
                    title=title,
                    place=place,
                    partners=partners,
                    recorded_by=kpms.get(code),
                    reviewed_year=year if kind == ActivityKind.QUARTERLY_REVIEW else None,
                    reviewed_quarter=quarter if kind == ActivityKind.QUARTERLY_REVIEW else None,
                )
                rows.append((activity, people))
    if rows:
        created = Activity.objects.bulk_create([a for a, _p in rows])
        Attendance.objects.bulk_create(
            Attendance(activity=a, group=g, men=m, women=w)
            for a, (_x, people) in zip(created, rows, strict=True)
            for g, (m, w) in people.items()
        )
    regency = village_codes[0].rsplit(".", 2)[0] if village_codes else None
    if regency is None or Training.objects.filter(regency=regency, title=TRAINING_TITLE).exists():
        return
    held = add_months(this_month, -2).replace(day=17)
    training = Training.objects.create(
        regency_id=regency,
        title=TRAINING_TITLE,
        held_from=held,
        held_to=held.replace(day=19),
        place="Aula Dinas PMD, Rantauprapat",
        organiser="Dinas PMD dan Dinas Kesehatan",
        notes="Materi: Formulir 2a/2b/2c, scorecard, tikar pertumbuhan, kelas ayah.",
    )
    TrainingAttendance.objects.bulk_create(
        TrainingAttendance(training=training, kpm=k, attended=code != LAGGING)
        for code, k in sorted(kpms.items())
    )
