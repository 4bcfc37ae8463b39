"""No stored monthly record can make the scorecard engine raise (issue 8, section 2).

Property-based: hypothesis feeds the engine arbitrary records of the shapes the database can
hold (any yes/no left unanswered, no gestation month, no delivery date, two records for one
month, births and deliveries anywhere around the quarter) and the engine must answer every
time, with a result whose cells the scorecard can total.
"""

from datetime import date
from unittest import TestCase

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tikar.monitoring.records import (
    GROWTH_MAT_RESULTS,
    NUTRITION_STATUSES,
    PAUD_STATUSES,
    RISK_STATUSES,
    ChildInput,
    ChildMonth,
    PaudInput,
    PaudMonth,
    PregnancyInput,
    PregnancyMonth,
)
from tikar.scorecard.evaluate import evaluate_child, evaluate_paud, evaluate_pregnancy, scorecard
from tikar.scorecard.rules import CHILD, INDICATORS, PREGNANCY, ruleset

YES_NO = st.sampled_from([True, False, None])  # None: not asked
MONTHS = st.builds(date, st.integers(2023, 2026), st.integers(1, 12), st.just(1))
DAYS = st.dates(date(2021, 1, 1), date(2027, 12, 31))
RULESETS = st.sampled_from([ruleset(4, 3), ruleset(6, 4)])
QUARTERS = st.tuples(st.integers(2024, 2026), st.integers(1, 4))

pregnancy_months = st.builds(
    PregnancyMonth,
    record_id=st.uuids().map(str),
    month=MONTHS,
    visit_date=st.none() | DAYS,
    gestation_month=st.none() | st.integers(1, 9),
    risk_status=st.sampled_from(sorted(RISK_STATUSES)),
    anc_check=YES_NO,
    iron_tablets=YES_NO,
    iron_tablet_count=st.none() | st.integers(0, 400),
    postnatal_checks=st.integers(0, 4),
    nutrition_counselling=YES_NO,
    home_visit=YES_NO,
    safe_water=YES_NO,
    latrine=YES_NO,
    health_insurance=YES_NO,
)
child_months = st.builds(
    ChildMonth,
    record_id=st.uuids().map(str),
    month=MONTHS,
    visit_date=st.none() | DAYS,
    weighed=st.booleans(),
    measured=st.booleans(),
    immunisation_up_to_date=YES_NO,
    immunisation_basic_complete=YES_NO,
    immunisation_measles=YES_NO,
    counselling_mother=YES_NO,
    counselling_father=YES_NO,
    home_visit=YES_NO,
    safe_water=YES_NO,
    latrine=YES_NO,
    birth_certificate=YES_NO,
    health_insurance=YES_NO,
    parenting_class=YES_NO,
    nutrition_status=st.frozensets(st.sampled_from(sorted(NUTRITION_STATUSES))),
    growth_mat=st.sampled_from(sorted(GROWTH_MAT_RESULTS)),
)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(result, group):
    if result is None:
        return
    # Whatever the input, the result has one cell per indicator, and the totals accept it.
    if group == PREGNANCY:
        scorecard([result], [])
    else:
        scorecard([], [result])
    codes = [c.code for c in result.cells]
    assert codes == [i.code for i in INDICATORS[group]], codes
    # A cell that is T only because a question was not answered says so.
    for cell in result.cells:
        if cell.unknown:
            assert cell.value == "T" and "data bermasalah" in cell.explanation


class EngineNeverRaisesTests(TestCase):
    @SETTINGS
    @given(
        months=st.lists(pregnancy_months, max_size=8),
        delivery=st.none() | DAYS,
        quarter=QUARTERS,
        rules=RULESETS,
    )
    def test_it_evaluates_any_pregnancy_records(self, months, delivery, quarter, rules):
        p = PregnancyInput("p", delivery, tuple(months))
        _check(evaluate_pregnancy(p, *quarter, rules), PREGNANCY)

    @SETTINGS
    @given(
        months=st.lists(child_months, max_size=8),
        birth=DAYS,
        quarter=QUARTERS,
        rules=RULESETS,
    )
    def test_it_evaluates_any_child_records(self, months, birth, quarter, rules):
        c = ChildInput("c", birth, tuple(months))
        _check(evaluate_child(c, *quarter, rules), CHILD)

    @SETTINGS
    @given(
        months=st.lists(
            st.builds(PaudMonth, MONTHS, st.sampled_from(sorted(PAUD_STATUSES))), max_size=6
        ),
        birth=st.dates(date(2016, 1, 1), date(2026, 12, 31)),
        quarter=QUARTERS,
    )
    def test_it_evaluates_any_paud_records(self, months, birth, quarter):
        result = evaluate_paud(PaudInput("k", birth, tuple(months)), *quarter)
        if result is not None:
            self.assertIn(result.value, ("Y", "T", "TS"))
