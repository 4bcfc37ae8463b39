"""A hand-built Sibargot for the gaps page (not a test module: no `test_` prefix).

Today is pinned to 15 April 2026: quarter II 2026 is running, quarter I 2026 is the latest
completed one, and the trend of quarter I covers II 2025, III 2025, IV 2025 and I 2026.

Targets in 2 dusun and 2 posyandu (Melati, Mawar) plus one child without a posyandu:

    Pia    pregnancy  dusun I   Melati      Cici  child  dusun II  (none)
    Pera   pregnancy  dusun II  Mawar       Dodi  child  dusun I   Melati (PAUD)
    Ari    child      dusun I   Melati
    Bima   child      dusun II  Mawar

The stored results are written as the evaluator writes them (one QuarterResult per target and
quarter, cells in scorecard order, "S" = TS, "?" = T from missing data). Quarter I 2026:

    pregnancy  1 anc 2 Fe 3 nifas 4 konseling 5 kunjungan 6 air 7 jamban 8 jaminan
    Pia        Y      Y    S       Y           S           Y     Y        T
    Pera       T      Y    S       T           S           Y     ?        T
    child      1 imun 2 timbang 3 ukur 4 konseling 5 kunjungan 6 air 7 jamban 8 akta 9 jaminan 10 kelas
    Ari        Y      Y         Y      Y           S            Y     Y        Y      Y         T
    Bima       S      Y         T      T           T            Y     T        Y      T         T
    Cici       Y      T         T      Y           S            Y     Y        Y      Y         T
    PAUD       Dodi T

Quarter III 2025: Ari "YYYYSYYYYT". Quarter IV 2025: Ari "YTTYSYYYYT", Bima "SYYTTYTYTT".
Quarter II 2025: nothing.
"""

from __future__ import annotations

from datetime import date

from tikar.households.tests.factories import child, household, mother, pregnancy
from tikar.regions.models import Posyandu
from tikar.scorecard import totals
from tikar.scorecard.models import DirtyQuarter, QuarterResult

TODAY = "2026-04-15"

CELLS = {
    (2026, 1): {
        "Pia": "YYSYSYYT",
        "Pera": "TYSTSY?T",
        "Ari": "YYYYSYYYYT",
        "Bima": "SYTTTYTYTT",
        "Cici": "YTTYSYYYYT",
        "Dodi": "T",
    },
    (2025, 3): {"Ari": "YYYYSYYYYT"},
    (2025, 4): {"Ari": "YTTYSYYYYT", "Bima": "SYYTTYTYTT"},
}


def build(case) -> dict:
    """The targets above in Sibargot and their stored results; returns {name: target}."""
    user = case.sari
    v = case.sibargot
    mawar = Posyandu.objects.create(village=v, name="Posyandu Mawar", dusun="II")
    melati = case.melati
    h1 = household(v, user, head_name="Pak Satu", dusun="I")
    h2 = household(v, user, head_name="Pak Dua", dusun="II")
    m1 = mother(v, user, household_=h1, name="Pia", nik=None)
    m2 = mother(v, user, household_=h2, name="Pera", nik=None)
    t = {
        "Pia": pregnancy(v, user, mother_=m1, kia_number="KIA-PIA", posyandu=melati),
        "Pera": pregnancy(v, user, mother_=m2, kia_number="KIA-PERA", posyandu=mawar),
        "Ari": child(v, user, name="Ari", mother_=m1, birth_date=date(2025, 6, 1),
                     posyandu=melati),
        "Bima": child(v, user, name="Bima", mother_=m2, birth_date=date(2025, 5, 1),
                      posyandu=mawar),
        "Cici": child(v, user, name="Cici", mother_=m2, birth_date=date(2025, 9, 1)),
        "Dodi": child(v, user, name="Dodi", mother_=m1, birth_date=date(2022, 9, 1),
                      posyandu=melati),
    }  # fmt: skip
    for (year, quarter), cells in CELLS.items():
        for name, value in cells.items():
            target = t[name]
            is_preg = name in ("Pia", "Pera")
            group = "pregnancy" if is_preg else "paud" if name == "Dodi" else "child"
            household_id = target.mother.household_id if is_preg else target.household_id
            QuarterResult.objects.create(
                village=v, year=year, quarter=quarter, group=group,
                target_type="pregnancy" if is_preg else "child", target_id=target.pk,
                household_id=household_id, stage="tm2" if is_preg else "6-12", cells=value,
                received=value.count("Y"), expected=len(value) - value.count("S"),
                evaluated_through=None,
            )  # fmt: skip
    # The evaluator writes each desa quarter's totals with its rows: so does this fixture.
    totals.backfill()
    DirtyQuarter.objects.all().delete()  # nothing was recorded monthly: nothing to recompute
    t["mawar"] = mawar
    return t
