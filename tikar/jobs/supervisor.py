"""Run the web server and the background worker as one command; Ctrl+C stops both.

    python -m tikar.jobs.supervisor "web=python manage.py runserver" "worker=python manage.py worker"

`make run` and `make serve-prod` use it. Each program runs in its own process group, so
stopping one also stops what it started (runserver's autoreloader child, gunicorn's workers)
and nothing is left behind. On Ctrl+C or SIGTERM each group gets SIGTERM (the worker finishes
or re-queues its current job); a group still there after `--grace` seconds gets SIGINT
again (the worker then puts its job back in the queue), then SIGKILL. A program named with
`--restart` (the worker, in the Makefile) is started again when it exits by itself, after a
pause that doubles up to 30 s while it keeps failing: a crashed worker must not take the web
server down with it, and its queue waits in the database meanwhile. When any other program
exits by itself the others are stopped too, and the supervisor exits with that program's code.
No Django here: it only starts and stops processes.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import os
import shlex
import signal
import subprocess
import sys
import time

PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """In the child (Linux): get SIGTERM if the supervisor itself is killed with SIGKILL."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _signal_group(pgid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


def say(text: str) -> None:
    print(f"==> {text}", file=sys.stderr, flush=True)


def stop_all(procs: dict[str, subprocess.Popen], grace: float) -> None:
    """TERM every group, wait up to `grace` s, then INT (forced worker stop), then KILL."""
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGINT, 5.0), (signal.SIGKILL, 5.0)):
        alive = [p for p in procs.values() if _group_alive(p.pid)]
        if not alive:
            return
        for p in alive:
            _signal_group(p.pid, sig)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            for p in alive:
                p.poll()  # reap the leader, so its group can empty
            if not any(_group_alive(p.pid) for p in alive):
                return
            time.sleep(0.1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("programs", nargs="+", help='"name=command line"')
    parser.add_argument("--grace", type=float, default=20.0)
    parser.add_argument(
        "--restart", action="append", default=[], help="name of a program to restart on exit"
    )
    args = parser.parse_args(argv)

    stopping = {"why": ""}
    procs: dict[str, subprocess.Popen] = {}

    def on_signal(signum: int, _frame: object) -> None:
        if stopping["why"]:
            # A second Ctrl+C: do not wait for the current job any longer.
            for p in procs.values():
                _signal_group(p.pid, signal.SIGINT)
        stopping["why"] = signal.strsignal(signum) or str(signum)

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    commands: dict[str, list[str]] = {}
    started: dict[str, float] = {}

    def start(name: str) -> None:
        procs[name] = subprocess.Popen(  # noqa: S603 - our own commands from the Makefile
            commands[name], start_new_session=True, preexec_fn=_die_with_parent
        )
        started[name] = time.monotonic()

    for spec in args.programs:
        name, _, command = spec.partition("=")
        commands[name] = shlex.split(command)
        start(name)
    pause = dict.fromkeys(args.restart, 1.0)
    restart_at: dict[str, float] = {}
    code = 0
    try:
        while not stopping["why"]:
            for name, p in list(procs.items()):
                if name in restart_at:
                    if time.monotonic() >= restart_at[name]:
                        del restart_at[name]
                        say(f"Menjalankan ulang {name}…")
                        start(name)
                    continue
                if p.poll() is None:
                    continue
                if name in pause:
                    # What the dead program started (its reloader's child) goes with it.
                    _signal_group(p.pid, signal.SIGKILL)
                    # Ran a while before it stopped: a one-off crash, start again soon.
                    if time.monotonic() - started[name] > 60:
                        pause[name] = 1.0
                    say(
                        f"{name} berhenti ({p.returncode}); dijalankan ulang dalam {pause[name]:.0f} detik"
                    )
                    restart_at[name] = time.monotonic() + pause[name]
                    pause[name] = min(pause[name] * 2, 30.0)
                    continue
                code = p.returncode
                stopping["why"] = f"{name} exited ({code})"
                break
            time.sleep(0.2)
    finally:
        say(f"Menghentikan server dan worker… ({stopping['why']})")
        stop_all(procs, args.grace)
    return code


if __name__ == "__main__":
    sys.exit(main())
