"""The demo population: one desa generated once per class (Sibargot, 240 households) with the
reference date pinned, so the figures below are the same on every run."""

from __future__ import annotations

from collections import Counter
from datetime import date
from unittest import mock

from django.db import transaction
from django.db.models import Count, F, Max
from django.http import Http404

from tikar.accounts.scope import get_scoped_or_404, scoped
from tikar.calendar import add_months, age_in_months
from tikar.front.demo_population import (
    MANDAILING_MARGA,
    MONTHS,
    TOBA_MARGA,
    latest_length_for_age,
    populate_village,
)
from tikar.households.models import (
    CHANGE_COUNTER,
    ChangeCounter,
    Child,
    Household,
    Mother,
    Pregnancy,
)
from tikar.households.tests.factories import household
from tikar.households.validation import nik_problems
from tikar.monitoring.models import _DERIVED_CHILD_FIELDS, ChildVisit, PaudRecord, PregnancyVisit
from tikar.test import BANDAR_KUMBUL, SIBARGOT, BaseTestCase

TODAY = date(2026, 5, 20)
JANJI = "12.10.07.2004"
MODELS = (Household, Mother, Pregnancy, Child, PregnancyVisit, ChildVisit, PaudRecord)


class Rollback(Exception):
    pass


class DemoPopulationTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.summary = populate_village(SIBARGOT, today=TODAY)

    def visits(self):
        return ChildVisit.objects.filter(village_id=SIBARGOT)

    def test_it_fills_the_desa_with_hundreds_of_targets_and_18_months_of_records(self) -> None:
        s = self.summary
        self.assertTrue(150 <= s.households <= 400, s.households)
        self.assertGreater(s.pregnancies, 30)
        self.assertGreater(s.children, 150)
        self.assertGreater(s.records, 3000)
        first = add_months(TODAY.replace(day=1), -(MONTHS - 1))
        months = set(self.visits().values_list("month", flat=True).distinct())
        self.assertEqual(months, {add_months(first, i) for i in range(MONTHS)})
        self.assertFalse(self.visits().filter(visit_date__gt=TODAY).exists())
        # The current month is under way: some of its tasks are done, not all of them.
        this_month = self.visits().filter(month=TODAY.replace(day=1)).count()
        self.assertTrue(0 < this_month < self.visits().filter(month=date(2026, 4, 1)).count())

    def test_it_gives_about_a_fifth_of_children_0_23_months_a_latest_length_for_age_below_minus_2(
        self,
    ) -> None:
        # From the stored visits: each child's latest measured record.
        latest: dict = {}
        rows = (
            self.visits()
            .filter(measured=True, flen=False)
            .order_by("month")
            .values_list("child_id", "child__birth_date", "zlen")
        )
        for child_id, birth, zlen in rows:
            if age_in_months(birth, TODAY) < 24:
                latest[child_id] = zlen
        self.assertGreater(len(latest), 60)
        stunted = sum(z < -2 for z in latest.values()) / len(latest)
        self.assertTrue(0.15 <= stunted <= 0.25, stunted)
        self.assertEqual(latest, latest_length_for_age([SIBARGOT], TODAY))
        # Some wasting and underweight too.
        self.assertTrue(self.visits().filter(is_gizi_kurang=True).exists())
        self.assertTrue(self.visits().filter(cat_wei="underweight").exists())

    def test_it_stores_the_growth_results_the_normal_save_computes(self) -> None:
        sample = list(self.visits().filter(weighed=True).order_by("id")[:40])
        self.assertEqual(len(sample), 40)
        for v in sample:
            stored = {name: getattr(v, name) for name in _DERIVED_CHILD_FIELDS - {"updated_at"}}
            v.save()  # the normal path: compute_growth() then the row
            v.refresh_from_db()
            again = {name: getattr(v, name) for name in stored}
            self.assertEqual(again, stored, v.pk)

    def test_it_gives_every_row_a_version_a_change_number_and_one_history_row(self) -> None:
        seqs = []
        for model in MODELS:
            rows = model.objects.filter(village_id=SIBARGOT)
            self.assertEqual(set(rows.values_list("version", flat=True)), {1}, model)
            self.assertEqual(model.history.filter(village_id=SIBARGOT).count(), rows.count())
            seqs += list(rows.values_list("change_seq", flat=True))
        self.assertEqual(len(seqs), len(set(seqs)))
        self.assertGreater(min(seqs), 0)
        counter = ChangeCounter.objects.get(name=CHANGE_COUNTER).value
        self.assertGreaterEqual(counter, max(seqs))
        # A record made afterwards, the normal way, comes after all of them for the devices.
        later = household(self.sibargot, self.sari)
        self.assertGreater(later.change_seq, max(seqs))
        h = Household.objects.filter(village_id=SIBARGOT).earliest("change_seq")
        self.assertEqual(h.history.get().history_user, self.sari)
        self.assertEqual(h.created_by, self.sari)

    def test_it_registers_newborns_from_the_delivery_and_links_them_to_the_mother(self) -> None:
        newborns = Child.objects.filter(village_id=SIBARGOT, born_from__isnull=False)
        self.assertGreater(newborns.count(), 20)
        for c in newborns.select_related("born_from"):
            self.assertEqual(c.birth_date, c.born_from.delivery_date)
            self.assertEqual(c.mother_id, c.born_from.mother_id)
            self.assertEqual(c.household_id, c.mother.household_id)
            if c.temp_number:
                self.assertTrue(c.temp_number.startswith(c.mother.nik))
        # The pregnancy was followed on 2a up to delivery and through nifas.
        delivered = Pregnancy.objects.filter(village_id=SIBARGOT, children__isnull=False)
        after_birth = PregnancyVisit.objects.filter(
            pregnancy__in=delivered, gestation_month__isnull=True
        )
        self.assertTrue(after_birth.filter(postnatal_checks__gt=0).exists())
        self.assertTrue(
            PregnancyVisit.objects.filter(village_id=SIBARGOT, gestation_month=9).exists()
        )

    def test_it_plants_a_handful_of_problems_to_clean(self) -> None:
        twins_of_record = (
            Child.objects.filter(village_id=SIBARGOT)
            .values("name", "birth_date")
            .annotate(n=Count("id"))
            .filter(n__gt=1)
        )
        self.assertTrue(twins_of_record.exists())
        self.assertTrue(self.visits().filter(fwei=True).exists())  # 85.0 kg for 8.5
        standing = self.visits().filter(position_warning=True).select_related("child").get()
        self.assertEqual(age_in_months(standing.child.birth_date, standing.visit_date), 5)
        shrank = 0
        by_child: dict = {}
        for child_id, month, length in (
            self.visits()
            .filter(measured=True)
            .order_by("month")
            .values_list("child_id", "month", "length_cm")
        ):
            previous = by_child.get(child_id)
            if previous is not None and previous[0] == add_months(month, -1):
                shrank += length < previous[1]
            by_child[child_id] = (month, length)
        self.assertEqual(shrank, 1)
        # NIK typos are warnings only; no NIK of the demo is refused.
        warnings = [m for m in Mother.objects.filter(village_id=SIBARGOT) if m.warnings()]
        warnings += [c for c in Child.objects.filter(village_id=SIBARGOT) if c.warnings()]
        self.assertEqual(len(warnings), 2)
        for person in (*Mother.objects.exclude(nik=None), *Child.objects.exclude(nik=None)):
            self.assertEqual(nik_problems(person.nik, errors_only=True), [], person.nik)

    @mock.patch("django.utils.timezone.localdate", return_value=TODAY)
    def test_it_passes_the_rules_a_kpm_editing_any_record_would_meet(self, _) -> None:
        # What the screens check on save: the demo never leaves a record that cannot be edited.
        for model in (Household, Mother, Pregnancy, Child):
            for row in model.objects.filter(village_id=SIBARGOT).order_by("change_seq"):
                row.full_clean(validate_unique=False, validate_constraints=False)
        for model in (PregnancyVisit, ChildVisit, PaudRecord):
            for row in model.objects.filter(village_id=SIBARGOT).order_by("id")[:300]:
                row.full_clean(validate_unique=False, validate_constraints=False)
        nik_count = Counter(Child.objects.exclude(nik=None).values_list("nik", flat=True))
        nik_count += Counter(Mother.objects.exclude(nik=None).values_list("nik", flat=True))
        self.assertEqual(nik_count.most_common(1)[0][1], 1)

    def test_it_gives_niks_the_kecamatan_prefix_and_the_birth_date(self) -> None:
        children = Child.objects.filter(village_id=SIBARGOT)
        with_nik = children.exclude(nik=None)
        self.assertGreater(with_nik.count(), children.count() * 0.6)
        self.assertTrue(children.filter(nik=None).exists())
        for c in with_nik:
            if c.nik.startswith("121007"):
                day = c.birth_date.day + (40 if c.sex == "P" else 0)
                self.assertEqual(c.nik[6:12], f"{day:02d}{c.birth_date:%m%y}")

    def test_it_names_people_as_in_labuhanbatu(self) -> None:
        names = list(Child.objects.filter(village_id=SIBARGOT).values_list("name", flat=True))
        marga = set(MANDAILING_MARGA) | set(TOBA_MARGA)
        with_marga = sum(name.split()[-1] in marga for name in names)
        self.assertTrue(0.3 < with_marga / len(names) < 0.8)
        self.assertGreater(len(set(names)), len(names) * 0.5)

    def test_it_marks_a_share_of_targets_verified_by_the_admin_desa(self) -> None:
        for model in (Household, Pregnancy, Child):
            rows = model.objects.filter(village_id=SIBARGOT)
            verified = rows.filter(verified_at__isnull=False)
            self.assertTrue(0.5 < verified.count() / rows.count() < 1, model)
            self.assertEqual(set(verified.values_list("verified_by", flat=True)), {self.rahmat.pk})

    def test_it_changes_nothing_when_loaded_twice(self) -> None:
        counts = [m.objects.count() for m in MODELS]
        counter = ChangeCounter.objects.get(name=CHANGE_COUNTER).value
        again = populate_village(SIBARGOT, today=TODAY)
        self.assertTrue(again.skipped)
        self.assertEqual([m.objects.count() for m in MODELS], counts)
        self.assertEqual(ChangeCounter.objects.get(name=CHANGE_COUNTER).value, counter)

    def test_it_keeps_every_record_in_its_desa_and_sari_sees_only_sibargots(self) -> None:
        populate_village(BANDAR_KUMBUL, today=TODAY, households=30)
        for model in MODELS:
            own = model.objects.filter(village_id=SIBARGOT)
            self.assertEqual(scoped(model.objects.all(), self.sari).count(), own.count())
            self.assertFalse(scoped(model.objects.all(), self.sari).exclude(village=SIBARGOT))
        self.assertFalse(ChildVisit.objects.exclude(village_id=F("child__village_id")).exists())
        self.assertFalse(Child.objects.exclude(village_id=F("household__village_id")).exists())
        child = Child.objects.filter(village_id=SIBARGOT).first()
        with self.assertRaises(Http404):
            get_scoped_or_404(Child.objects.all(), self.budi, pk=child.pk)
        self.assertEqual(get_scoped_or_404(Child.objects.all(), self.sari, pk=child.pk), child)

    def test_it_marks_the_window_for_the_scorecard(self) -> None:
        from tikar.scorecard.models import DirtyQuarter

        # December 2024 to May 2026: 2024 Q4, the four quarters of 2025, 2026 Q1 and Q2.
        quarters = set(
            DirtyQuarter.objects.filter(village_id=SIBARGOT).values_list("year", "quarter")
        )
        self.assertEqual(
            quarters, {(2024, 4), *((2025, q) for q in range(1, 5)), (2026, 1), (2026, 2)}
        )


class DemoVillagesDifferTests(BaseTestCase):
    def sample(self, code: str, households: int) -> tuple:
        """What a run into an empty database gives (then rolled back)."""
        try:
            with transaction.atomic():
                s = populate_village(code, today=TODAY, households=households)
                children = Child.objects.filter(village_id=code).order_by("id")
                z = ChildVisit.objects.filter(village_id=code, measured=True).order_by("id")
                result = (
                    (s.households, s.pregnancies, s.children, s.records),
                    list(children.values_list("id", "name", "birth_date", "nik")[:25]),
                    list(z.values_list("id", "zlen", "zwei", "zwfl")[:25]),
                    ChildVisit.objects.filter(village_id=code).aggregate(Max("change_seq")),
                )
                raise Rollback
        except Rollback:
            pass
        self.assertFalse(Household.objects.filter(village_id=code).exists())
        return result

    def test_it_generates_the_same_people_and_measurements_every_time(self) -> None:
        first = self.sample(BANDAR_KUMBUL, 40)
        self.assertEqual(self.sample(BANDAR_KUMBUL, 40), first)
        self.assertGreater(len(first[2]), 10)

    def test_it_gives_the_desa_different_coverage(self) -> None:
        populate_village(SIBARGOT, today=TODAY, households=100)
        populate_village(JANJI, today=TODAY, households=100)
        share: dict[str, dict[str, float]] = {}
        for code in (SIBARGOT, JANJI):
            visits = ChildVisit.objects.filter(village_id=code)
            homes = Household.objects.filter(village_id=code)
            share[code] = {
                "weighed": visits.filter(weighed=True).count() / visits.count(),
                "latrine": homes.filter(latrine=True).count() / homes.count(),
            }
        # Sibargot weighs nearly every child but has few latrines; Janji the other way round.
        self.assertGreater(share[SIBARGOT]["weighed"], share[JANJI]["weighed"] + 0.2)
        self.assertLess(share[SIBARGOT]["latrine"], share[JANJI]["latrine"] - 0.3)
