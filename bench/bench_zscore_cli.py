"""Benchmark: ``tikar-zscore`` end to end on a 1,000,000-row CSV, against pyarrow's I/O floor.

    .venv/bin/python bench/bench_zscore_cli.py [N] [--runs 3]

Generates the file in a temporary directory, then, interleaved and ``--runs`` times each, as
subprocesses (CPU time and peak RSS of each child from os.wait4):

* the headline: the ``tikar-zscore`` console script (no Django), the command a nutritionist runs;
* ``manage.py zscore``, the same run behind Django's start-up;
* the floor: reading the same file with ``pyarrow.csv.read_csv`` and writing it back with
  ``pyarrow.csv.write_csv`` (issue 12's 2.1 s).

Prints the medians (wall and CPU: on a machine busy with other work, compare CPU), the
ratios to the floor (the aim is <= 1.5) and the peak RSS of each.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
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


FLOOR = """
import sys
import pyarrow.csv as pacsv
pacsv.write_csv(pacsv.read_csv(sys.argv[1]), sys.argv[2])
"""


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float, str]:
    """(wall seconds, CPU seconds, peak RSS in MiB, stderr) of one subprocess; exits on
    failure.  CPU time (user + system) is what to compare on a machine busy with other work."""
    start = time.perf_counter()
    child = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert child.stderr is not None
    err = child.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        print(err[-2000:])
        raise SystemExit(child.returncode)
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, cpu, usage.ru_maxrss / 1024, err


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    n = args.n
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "survey.csv", Path(tmp) / "scored.csv"
        t0 = time.perf_counter()
        write_input(source, n)
        print(
            f"generated {n:,} rows ({source.stat().st_size / 2**20:,.0f} MiB) in "
            f"{time.perf_counter() - t0:.1f} s"
        )
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tikar.settings", "DEBUG": "1"}
        options = [str(source), "-o", str(target), "--summary-out", str(Path(tmp) / "summary.csv")]
        script = Path(sys.executable).parent / "tikar-zscore"
        commands = {
            "tikar-zscore": ([str(script), *options], None),
            "manage.py zscore": (
                [sys.executable, str(ROOT / "manage.py"), "zscore", *options],
                env,
            ),
            "floor": (
                [sys.executable, "-c", FLOOR, str(source), str(Path(tmp) / "copy.csv")],
                None,
            ),
        }
        runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
        for _ in range(args.runs):  # interleaved, so that a busy machine hits all alike
            for name, (command, command_env) in commands.items():
                seconds, cpu, rss, _ = timed(command, command_env)
                runs[name].append((seconds, cpu, rss))
        with open(target, newline="") as handle:
            out_rows = sum(1 for _ in handle) - 1
        assert out_rows == n, out_rows

        wall = {name: statistics.median(s for s, _, _ in r) for name, r in runs.items()}
        cpu = {name: statistics.median(c for _, c, _ in r) for name, r in runs.items()}
        rss = {name: max(m for _, _, m in r) for name, r in runs.items()}
        print(
            f"median of {args.runs} runs each, interleaved; load average "
            + " ".join(f"{x:.1f}" for x in os.getloadavg())
        )
        notes = {
            "tikar-zscore": "(the console script, no Django)",
            "manage.py zscore": "(Django start-up included)",
            "floor": "(pyarrow read_csv + write_csv of the same file)",
        }
        for name in commands:
            print(
                f"{name + ':':<18} {wall[name]:6.2f} s wall, {cpu[name]:6.2f} s CPU = "
                f"{n / wall[name]:>9,.0f} rows/s, peak RSS {rss[name]:,.0f} MiB {notes[name]}"
            )
        for name in ("tikar-zscore", "manage.py zscore"):
            print(
                f"ratio {name + ':':<18} {wall[name] / wall['floor']:.2f}x the floor wall, "
                f"{cpu[name] / cpu['floor']:.2f}x CPU (aim <= 1.5x)"
            )


if __name__ == "__main__":
    main()
