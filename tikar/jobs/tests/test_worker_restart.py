"""The real worker keeps every job across restarts: queued while it is down, or killed mid-job."""

from __future__ import annotations

import signal

from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tikar.jobs.models import WorkerBeat
from tikar.jobs.tests.live import WorkerTestCase, wait_until
from tikar.jobs.tests.worker_tasks import add, wait_for_flag


def status(result_id: str) -> str:
    return DBTaskResult.objects.get(pk=result_id).status


class WorkerRestartTests(WorkerTestCase):
    def test_it_runs_a_job_queued_while_no_worker_was_running(self) -> None:
        result = add.enqueue(2, 3)
        self.assertEqual(status(result.id), TaskResultStatus.READY)  # nobody runs it yet

        worker = self.start_worker()
        wait_until(lambda: status(result.id) == TaskResultStatus.SUCCESSFUL, 60, "the job")
        self.assertEqual(DBTaskResult.objects.get(pk=result.id).return_value, 5)

        # Stopped as systemd or Ctrl+C stops it: at once, cleanly, forgetting its heartbeat.
        worker.send_signal(signal.SIGTERM)
        self.assertEqual(worker.wait(timeout=15), 0)
        self.assertFalse(WorkerBeat.objects.exists())
        self.assertIn("SUCCESSFUL", self.worker_log())

    def test_it_finishes_exactly_once_a_job_whose_worker_was_killed_in_the_middle(self) -> None:
        flags = self.tmp / "flags"
        flags.mkdir()
        result = wait_for_flag.enqueue(str(flags))
        first = self.start_worker()
        wait_until(lambda: list(flags.glob("started-*")), 60, "the first worker to start it")

        first.send_signal(signal.SIGKILL)  # out of memory, a power cut: no clean-up at all
        first.wait(timeout=10)
        # django-tasks-db alone would leave the job RUNNING for ever.
        self.assertEqual(status(result.id), TaskResultStatus.RUNNING)
        (flags / "go").touch()

        self.start_worker()
        wait_until(lambda: status(result.id) == TaskResultStatus.SUCCESSFUL, 60, "the job")
        done = (flags / "done.log").read_text().split()
        self.assertEqual(len(done), 1, done)  # finished once, by the second worker
        self.assertNotEqual(done[0], str(first.pid))
        self.assertIn("queued again", self.worker_log())
