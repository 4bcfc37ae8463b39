"""Throw-away PostgreSQL clusters for the replica and backup tests (not a test module).

`primary_and_replica()` starts a primary with `wal_level=replica` on a free port, loads a copy
of the pytest test database into it (schema, migrations, the 91,599 regions), takes a
`pg_basebackup -R` streaming replica on another port and starts it; both are stopped and their
directories removed when the block ends, whatever happened. initdb refuses to run as root, so
every server command runs as the `postgres` system user (`runuser`) when the tests run as root.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PG_BIN = Path(os.environ.get("TIKAR_PG_BIN", "/usr/lib/postgresql/15/bin"))
# The machine running the suite may be busy: every wait is generous.
START_TIMEOUT_S = 120
COMMAND_TIMEOUT_S = 300


def missing_binaries() -> str | None:
    """Why the clusters cannot be started here (None: they can)."""
    for name in ("initdb", "pg_ctl", "pg_basebackup", "pg_dump", "pg_restore", "psql"):
        if not (PG_BIN / name).exists():
            return f"PostgreSQL binaries not found in {PG_BIN} ({name})"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser: initdb cannot run"
    return None


def _as_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Run a command, failing with its output when it fails."""
    result = subprocess.run(
        args, capture_output=True, text=True, timeout=COMMAND_TIMEOUT_S, **kwargs
    )
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def psql(url: str, sql: str) -> str:
    """One SQL statement's result as psql's unaligned text."""
    return run([str(PG_BIN / "psql"), "-X", "-Atq", "-d", url, "-c", sql]).stdout.strip()


def dump_restore(source_url: str, target_url: str, dump_file: Path) -> None:
    """`pg_dump -Fc` of source into dump_file, then `pg_restore` into the (empty) target."""
    run([str(PG_BIN / "pg_dump"), "-Fc", "--no-owner", "-f", str(dump_file), "-d", source_url])
    run([str(PG_BIN / "pg_restore"), "--no-owner", "--exit-on-error", "-d", target_url,
         str(dump_file)])  # fmt: skip


@dataclass
class Cluster:
    data_dir: Path
    port: int

    def url(self, db: str = "tikar") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{db}"

    def start(self) -> None:
        run(_as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data_dir), "-l",
                          str(self.data_dir / "server.log"), "-w", "-t", str(START_TIMEOUT_S),
                          "start"]))  # fmt: skip

    def stop(self) -> None:
        if (self.data_dir / "postmaster.pid").exists():
            stop = [str(PG_BIN / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate",
                    "-w", "-t", "60", "stop"]  # fmt: skip
            subprocess.run(_as_postgres(stop), capture_output=True, timeout=COMMAND_TIMEOUT_S)

    def configure(self, socket_dir: Path, **extra: str) -> None:
        lines = {
            "port": str(self.port),
            "listen_addresses": "'127.0.0.1'",
            "unix_socket_directories": f"'{socket_dir}'",
            # A test cluster: durability is not needed, speed is.
            "fsync": "off",
            "full_page_writes": "off",
            "shared_buffers": "'32MB'",
            **extra,
        }
        with open(self.data_dir / "postgresql.conf", "a") as f:
            f.write("".join(f"\n{k} = {v}" for k, v in lines.items()) + "\n")


@dataclass
class Pair:
    primary: Cluster
    replica: Cluster

    def wait_replayed(self, timeout: float = START_TIMEOUT_S) -> None:
        """Wait until the replica has replayed everything the primary wrote so far."""
        target = psql(self.primary.url("postgres"), "SELECT pg_current_wal_lsn()")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            caught_up = psql(
                self.replica.url("postgres"),
                f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn",
            )
            if caught_up == "t":
                return
            time.sleep(0.2)
        raise TimeoutError("the replica did not catch up with the primary")


@contextlib.contextmanager
def primary_and_replica(source_url: str) -> Iterator[Pair]:
    """A primary holding a copy of `source_url` (database "tikar") and its streaming replica."""
    root = Path(tempfile.mkdtemp(prefix="tikar-pg-"))
    primary = Cluster(root / "primary", free_port())
    replica = Cluster(root / "replica", free_port())
    try:
        if os.geteuid() == 0:
            shutil.chown(root, "postgres", "postgres")
        run(_as_postgres([str(PG_BIN / "initdb"), "-D", str(primary.data_dir), "-A", "trust",
                          "-U", "postgres", "-E", "UTF8", "--no-sync"]))  # fmt: skip
        primary.configure(root, wal_level="replica", max_wal_senders="4", hot_standby="on")
        with open(primary.data_dir / "pg_hba.conf", "a") as f:
            f.write("\nhost replication all 127.0.0.1/32 trust\n")
        primary.start()
        psql(primary.url("postgres"), "CREATE DATABASE tikar")
        dump_restore(source_url, primary.url(), root / "source.dump")
        run(_as_postgres([str(PG_BIN / "pg_basebackup"), "-h", "127.0.0.1", "-p",
                          str(primary.port), "-U", "postgres", "-D", str(replica.data_dir),
                          "-R", "-X", "stream", "--no-sync", "-c", "fast"]))  # fmt: skip
        replica.configure(root)
        replica.start()
        pair = Pair(primary, replica)
        pair.wait_replayed()
        yield pair
    finally:
        replica.stop()
        primary.stop()
        shutil.rmtree(root, ignore_errors=True)
