"""Benchmark: the pure scorecard engine on a synthetic kabupaten-sized quarter.

60,000 targets (20,000 pregnancies, 40,000 children 0-23 months), each with 3-6 monthly records
ending with the quarter, evaluated one by one on one core, then aggregated into a Formulir 4.
Building the inputs is not timed: the Django layer's query time is measured elsewhere.

    .venv/bin/python bench/bench_scorecard_rules.py [--pregnancies N] [--children N] [--repeat N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tikar.calendar import add_months
from tikar.monitoring.records import ChildInput, ChildMonth, PregnancyInput, PregnancyMonth
from tikar.scorecard.evaluate import evaluate_child, evaluate_pregnancy, scorecard
from tikar.scorecard.rules import ruleset  # noqa: E402

YEAR, QUARTER = 2025, 2
LAST_MONTH = date(YEAR, 3 * QUARTER, 1)
STATUSES = (
    frozenset(),
    frozenset(),
    frozenset(),
    frozenset({"stunting"}),
    frozenset({"gizi_kurang"}),
)


def _flag(rng: random.Random, p: float = 0.8) -> bool:
    return rng.random() < p


def make_pregnancy(rng: random.Random, i: int) -> PregnancyInput:
    n = rng.randint(3, 6)
    months = [add_months(LAST_MONTH, -k) for k in range(n - 1, -1, -1)]
    gestation_last = rng.randint(n, 9 + 2)  # > 9: delivered before the last month
    delivery = None
    if gestation_last > 9:
        delivery = months[-1] - timedelta(days=rng.randint(0, 40))
    records = []
    for k, m in enumerate(months):
        g = gestation_last - (n - 1 - k)
        pregnant = delivery is None or m < delivery
        records.append(
            PregnancyMonth(
                record_id=f"p{i}-{k}",
                month=m,
                visit_date=m + timedelta(days=rng.randint(0, 27)),
                gestation_month=min(max(g, 1), 9) if pregnant else None,
                risk_status=rng.choice(("normal", "normal", "normal", "risti", "kek")),
                anc_check=_flag(rng),
                iron_tablets=_flag(rng),
                iron_tablet_count=30,
                postnatal_checks=0 if pregnant else rng.randint(0, 2),
                nutrition_counselling=_flag(rng, 0.6),
                home_visit=_flag(rng, 0.5),
                safe_water=_flag(rng),
                latrine=_flag(rng),
                health_insurance=_flag(rng),
            )
        )
    return PregnancyInput(f"p{i}", delivery, tuple(records))


def make_child(rng: random.Random, i: int) -> ChildInput:
    n = rng.randint(3, 6)
    birth = LAST_MONTH - timedelta(days=rng.randint(n * 31, 700))
    months = [add_months(LAST_MONTH, -k) for k in range(n - 1, -1, -1)]
    records = tuple(
        ChildMonth(
            record_id=f"c{i}-{k}",
            month=m,
            visit_date=m + timedelta(days=rng.randint(0, 27)),
            weighed=_flag(rng, 0.9),
            measured=_flag(rng, 0.3),
            immunisation_up_to_date=_flag(rng),
            immunisation_basic_complete=_flag(rng),
            immunisation_measles=_flag(rng),
            counselling_mother=_flag(rng, 0.7),
            counselling_father=_flag(rng, 0.1),
            home_visit=_flag(rng, 0.5),
            safe_water=_flag(rng),
            latrine=_flag(rng),
            birth_certificate=_flag(rng),
            health_insurance=_flag(rng),
            parenting_class=_flag(rng, 0.4),
            nutrition_status=rng.choice(STATUSES),
            growth_mat=rng.choice(("hijau", "hijau", "kuning", "merah", "tidak_diukur")),
        )
        for k, m in enumerate(months)
    )
    return ChildInput(f"c{i}", birth, records)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pregnancies", type=int, default=20_000)
    parser.add_argument("--children", type=int, default=40_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=72)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    pregnancies = [make_pregnancy(rng, i) for i in range(args.pregnancies)]
    children = [make_child(rng, i) for i in range(args.children)]
    records = sum(len(p.months) for p in pregnancies) + sum(len(c.months) for c in children)
    targets = len(pregnancies) + len(children)
    rules = ruleset(4, 3)

    timings = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        preg = [evaluate_pregnancy(p, YEAR, QUARTER, rules) for p in pregnancies]
        kids = [evaluate_child(c, YEAR, QUARTER, rules) for c in children]
        card = scorecard(preg, kids)
        timings.append(time.perf_counter() - start)

    best, median = min(timings), statistics.median(timings)
    print(f"targets: {targets:,} ({len(pregnancies):,} pregnancies, {len(children):,} children)")
    print(f"monthly records: {records:,}; evaluated (monitored) targets: "
          f"{card.targets.pregnancies + card.targets.children:,}")  # fmt: skip
    print(f"village total (pooled): {card.total_convergence.percent} %")
    print(f"time per quarter: best {best:.3f} s, median {median:.3f} s over {args.repeat} runs")
    print(f"throughput: {targets / median:,.0f} targets/s (median), {targets / best:,.0f} (best)")


if __name__ == "__main__":
    main()
