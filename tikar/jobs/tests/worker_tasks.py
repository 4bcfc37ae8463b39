"""Jobs used only by the real-worker tests (imported by the worker by their dotted path)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from django_tasks import task


@task()
def add(a: int, b: int) -> int:
    """The smallest job: its return value shows the worker ran it."""
    return a + b


@task()
def wait_for_flag(flag_dir: str) -> str:
    """Say "started", block until the file `go` appears, then append this pid to done.log.

    Idempotent as every Tikar job must be: a run killed before `go` left nothing behind.
    """
    folder = Path(flag_dir)
    (folder / f"started-{os.getpid()}").touch()
    deadline = time.monotonic() + 60
    while not (folder / "go").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    with open(folder / "done.log", "a", encoding="ascii") as log:
        log.write(f"{os.getpid()}\n")
    return "done"
