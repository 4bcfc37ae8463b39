"""Benchmark: ``manage.py zscore`` end to end on a 1,000,000-row CSV, and plain CSV I/O.

    .venv/bin/python bench/bench_zscore_cli.py [N]

Generates the file in a temporary directory, runs the command as a subprocess (peak RSS of the
child from resource.getrusage(RUSAGE_CHILDREN)), then times reading and writing the same file
with the csv module alone, to show how much of the run is CSV-bound.
"""

from __future__ import annotations

import csv
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_zscore import synthetic  # noqa: E402

COLUMNS = ["id", "desa", "sex", "age_days", "weight", "lenhei", "measure", "headc", "armc"]
COLUMNS += ["oedema"]


def write_input(path: Path, n: int) -> None:
    data = synthetic(n)
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        chunk = 100_000
        for start in range(0, n, chunk):
            stop = min(n, start + chunk)
            cols = [
                range(start + 1, stop + 1),
                [f"Desa {i % 37}" for i in range(start, stop)],
                data["sex"][start:stop].tolist(),
                [f"{v:.0f}" for v in data["age_days"][start:stop]],
                [f"{v:.1f}" if v == v else "" for v in data["weight"][start:stop]],
                [f"{v:.1f}" for v in data["lenhei"][start:stop]],
                data["measure"][start:stop].tolist(),
                [f"{v:.1f}" for v in data["headc"][start:stop]],
                [f"{v:.1f}" for v in data["armc"][start:stop]],
                data["oedema"][start:stop].tolist(),
            ]
            writer.writerows(zip(*cols, strict=True))


def plain_csv_copy(source: Path, target: Path, extra: int) -> float:
    """Read every row and write it back with ``extra`` more cells: the I/O floor."""
    start = time.perf_counter()
    filler = ["0.00"] * extra
    with open(source, newline="") as fin, open(target, "w", newline="") as fout:
        reader = csv.reader(fin)
        writer = csv.writer(fout)
        for row in reader:
            row.extend(filler)
            writer.writerow(row)
    return time.perf_counter() - start


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "survey.csv", Path(tmp) / "scored.csv"
        t0 = time.perf_counter()
        write_input(source, n)
        print(
            f"generated {n:,} rows ({source.stat().st_size / 2**20:,.0f} MiB) in "
            f"{time.perf_counter() - t0:.1f} s"
        )

        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tikar.settings", "DEBUG": "1"}
        command = [
            sys.executable,
            str(ROOT / "manage.py"),
            "zscore",
            str(source),
            "-o",
            str(target),
            "--summary-out",
            str(Path(tmp) / "summary.csv"),
        ]
        start = time.perf_counter()
        done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            print(done.stderr[-2000:])
            raise SystemExit(done.returncode)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        with open(target, newline="") as handle:
            out_rows = sum(1 for _ in handle) - 1
        assert out_rows == n, out_rows

        io_time = plain_csv_copy(source, Path(tmp) / "copy.csv", extra=18)
        print(
            f"zscore command:   {elapsed:.1f} s = {n / elapsed:,.0f} rows/s, "
            f"peak RSS {peak_mb:,.0f} MiB (includes Django start-up)"
        )
        print(
            f"plain csv copy:   {io_time:.1f} s = {n / io_time:,.0f} rows/s "
            f"(read + write the same rows with 18 extra cells)"
        )
        print(f"csv share:        {100 * io_time / elapsed:.0f}% of the command's time")


if __name__ == "__main__":
    main()
