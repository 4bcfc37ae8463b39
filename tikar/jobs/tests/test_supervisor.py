"""`make run`'s supervisor: one command starts the server and the worker, Ctrl+C stops all."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.test import SimpleTestCase

from tikar.jobs.recovery import process_alive

# A program that starts a child of its own (as runserver's autoreloader does) and records
# both pids, then waits for ever.
PROGRAM = """
import os, subprocess, sys, time
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
open(sys.argv[1], "w").write(f"{os.getpid()} {child.pid}")
time.sleep(120)
"""


class SupervisorTests(SimpleTestCase):
    def setUp(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="tikar-supervisor-"))
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.script = self.tmp / "program.py"
        self.script.write_text(PROGRAM)

    def _start(self, *programs: str) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", "tikar.jobs.supervisor", "--grace", "3", *programs],
            stderr=subprocess.PIPE,
            text=True,
        )

    def _pids(self, name: str) -> list[int]:
        path = self.tmp / name
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if path.exists() and path.read_text():
                return [int(p) for p in path.read_text().split()]
            time.sleep(0.05)
        raise AssertionError(f"{name} did not start")

    def _gone(self, pids: list[int]) -> bool:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if not any(process_alive(p) for p in pids):
                return True
            time.sleep(0.1)
        return False

    def test_it_stops_both_programs_and_their_children_on_ctrl_c(self) -> None:
        sup = self._start(
            f"web={sys.executable} {self.script} {self.tmp / 'web'}",
            f"worker={sys.executable} {self.script} {self.tmp / 'worker'}",
        )
        pids = self._pids("web") + self._pids("worker")
        self.assertTrue(all(process_alive(p) for p in pids))

        sup.send_signal(signal.SIGINT)
        _out, err = sup.communicate(timeout=30)
        self.assertIn("Menghentikan server dan worker", err)
        self.assertTrue(self._gone(pids), "a process was left behind")

    def test_it_stops_the_server_when_the_worker_dies_and_says_so(self) -> None:
        sup = self._start(
            f"web={sys.executable} {self.script} {self.tmp / 'web'}",
            f"worker={sys.executable} -c 'import sys; sys.exit(3)'",
        )
        pids = self._pids("web")
        self.assertEqual(sup.wait(timeout=30), 3)
        self.assertIn("worker exited (3)", sup.stderr.read())
        self.assertTrue(self._gone(pids), "the server was left running")

    def test_it_starts_a_crashed_worker_again_and_keeps_the_server(self) -> None:
        # As `make run`: `--restart worker`. The worker is killed (kill -9, an out-of-memory
        # kill); the web server must stay up and a new worker must come.
        sup = self._start(
            "--restart",
            "worker",
            f"web={sys.executable} {self.script} {self.tmp / 'web'}",
            f"worker={sys.executable} {self.script} {self.tmp / 'worker'}",
        )
        self.addCleanup(lambda: sup.poll() is None and sup.kill())
        web = self._pids("web")
        first = self._pids("worker")
        (self.tmp / "worker").unlink()
        os.kill(first[0], signal.SIGKILL)
        second = self._pids("worker")
        self.assertNotEqual(first[0], second[0])
        self.assertTrue(all(process_alive(p) for p in web), "the server went down with the worker")
        sup.send_signal(signal.SIGINT)
        _out, err = sup.communicate(timeout=30)
        self.assertIn("dijalankan ulang", err)
        self.assertTrue(self._gone(web + second), "a process was left behind")
