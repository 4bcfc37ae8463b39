"""Shared plumbing of the sync benchmarks (bench/sync_chaos.py, bench/sync_download.py).

- `fresh_database(url)`: drop and create a PostgreSQL database, then migrate it (which loads
  the 91,599 regions) and load the demo's users and posyandu without its population.
- `Server`: Tikar under gunicorn as `make serve-prod` runs it (DEBUG off, PostgreSQL), in its
  own process group so that `kill()` can SIGKILL the master and every worker at once, as a
  power cut or the kernel's OOM killer would, and `restart()` brings it back on the same port.
- `Proxy`: a small threaded HTTP proxy in front of the server. It relays requests and can
  inject faults (answer 500 without forwarding, forward and then answer 500, forward and then
  close the connection without answering, kill the server while a request is in flight), and
  can gzip JSON answers as a front proxy configured for it would (nginx `gzip_types
  application/json`). It counts the bytes it sends back.
- `Client`: a logged-in browser session over plain HTTP (cookies + CSRF header), stdlib only.

Nothing here imports Django: the harness talks to the server over HTTP and to the database
over SQL, as an outside observer.
"""

from __future__ import annotations

import contextlib
import fcntl
import gzip
import hashlib
import http.client
import json
import os
import random
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/"
DESA = "12.10.07.2001"  # Sibargot, the demo's desa of Sari
DEMO_PASSWORD = "tikar-demo-2026"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --------------------------------------------------------------------------------------------
# Database


def _admin_dsn(url: str) -> tuple[str, str]:
    """(DSN of the server's maintenance database "postgres", name of the database in `url`)."""
    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    if not name:
        raise ValueError(f"no database name in {url}")
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    return admin, name


def drop_database(url: str) -> None:
    import psycopg

    admin, name = _admin_dsn(url)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def server_env(url: str, var_dir: str, **extra: str) -> dict[str, str]:
    """The environment of a production-like Tikar process on database `url`.

    DEBUG off (production code paths, no query log) with a random SECRET_KEY; only the
    HTTPS-only settings are off because the benchmarks speak plain http, as `make serve-prod`
    does. TIKAR_TESTING=1 selects the plain static storage, so the login page renders without
    a collectstatic run (the benchmarks measure the API, not static files).
    """
    env = dict(os.environ)
    env.update(
        DATABASE_URL=url,
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        TIKAR_TESTING="1",
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        SECURE_HSTS_SECONDS="0",
        TIKAR_VAR_DIR=var_dir,
        DJANGO_SETTINGS_MODULE="tikar.settings",
        PYTHONUNBUFFERED="1",
    )
    env.pop("TIKAR_DEMO", None)
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str, capture: bool = True) -> str:
    """Run `manage.py args` in `env`; returns its output, raises with it on failure."""
    done = subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        capture_output=capture,
        text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout or ""


EXTRA_USERS = [f"kpm{i}.sibargot" for i in range(2, 6)]  # more phones of Sari's desa


def _template_name() -> str:
    """A template database named after everything that shapes it (migrations, demo)."""
    digest = hashlib.sha1()
    files = sorted(ROOT.glob("tikar/*/migrations/*.py")) + [
        ROOT / "tikar/front/demo.py",
        ROOT / "tikar/accounts/demo.py",  # the demo users
    ]
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"tikar_bench_tpl_{digest.hexdigest()[:10]}"


def fresh_database(url: str, env: dict[str, str]) -> None:
    """Drop and create the database of `url`: migrated, demo users and posyandu, and the
    users of EXTRA_USERS (KPM of Sibargot, password DEMO_PASSWORD).

    Migrating loads the 91,599 regions, which takes 6-30 s on a busy machine, so the result
    is kept as a template database (`tikar_bench_tpl_<hash of the migrations>`, left on the
    server for the next run) and each run copies it (CREATE DATABASE ... TEMPLATE, ~1 s).
    """
    import psycopg

    admin, name = _admin_dsn(url)
    template = _template_name()
    with open("/tmp/tikar-bench-template.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two runs at once build the template once
        with psycopg.connect(admin, autocommit=True) as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [template]
            ).fetchone()
        if not exists:
            building = template + "_building"
            tpl_url = urllib.parse.urlunsplit(
                urllib.parse.urlsplit(url)._replace(path="/" + building)
            )
            tpl_env = env | {"DATABASE_URL": tpl_url}
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
                conn.execute(f'CREATE DATABASE "{building}"')
            manage(tpl_env, "migrate", "--noinput", "-v0")
            manage(tpl_env, "load_demo", "--no-population")
            for username in EXTRA_USERS:
                add_village_user(tpl_env, username, "kpm", DESA)
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'ALTER DATABASE "{building}" RENAME TO "{template}"')
                # Templates of older migrations are of no further use (copies are made under
                # this lock only, so none is being copied now).
                old = conn.execute(
                    "SELECT datname FROM pg_database WHERE datname LIKE 'tikar\\_bench\\_tpl\\_%%' "
                    "AND datname <> %s",
                    [template],
                ).fetchall()
                for (stale,) in old:
                    conn.execute(f'DROP DATABASE IF EXISTS "{stale}" WITH (FORCE)')
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')


def add_village_user(env: dict[str, str], username: str, role: str, region: str) -> None:
    """A user of `region` with the demo password (role: "kpm" | "village_admin")."""
    code = (
        "from tikar.accounts.models import User\n"
        f"u, _ = User.objects.get_or_create(username={username!r}, "
        f"defaults={{'first_name': {username!r}, 'role': {role!r}, 'region_id': {region!r}}})\n"
        f"u.set_password({DEMO_PASSWORD!r}); u.save()\n"
    )
    manage(env, "shell", "-c", code)


# --------------------------------------------------------------------------------------------
# The server process


class Server:
    """gunicorn serving Tikar on 127.0.0.1:port, killable with SIGKILL and restartable."""

    def __init__(self, env: dict[str, str], *, port: int | None = None, workers: int = 2) -> None:
        self.env = env
        self.port = port or free_port()
        self.workers = workers
        self.proc: subprocess.Popen | None = None
        self.kills = 0
        self.lock = threading.Lock()
        self.log_path = Path(env["TIKAR_VAR_DIR"]) / "gunicorn.log"

    def start(self) -> None:
        log = open(self.log_path, "a")  # noqa: SIM115 (kept open by the child)
        self.proc = subprocess.Popen(
            [
                str(Path(PYTHON).parent / "gunicorn"),
                "tikar.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--timeout",
                "60",
                "--no-control-socket",
            ],
            env=self.env,
            cwd=ROOT,
            stdout=log,
            stderr=log,
            start_new_session=True,  # its own process group: kill() reaches every worker
        )
        log.close()
        self.wait_ready()

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.log_path}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"gunicorn not ready after {timeout} s; see {self.log_path}")

    def kill(self) -> None:
        """SIGKILL the master and its workers (no graceful shutdown, no finished request)."""
        if self.proc is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        self.proc = None
        self.kills += 1

    def restart(self) -> None:
        with self.lock:
            self.kill()
            self.start()

    def stop(self) -> None:
        if self.proc is None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            self.kill()
        self.proc = None


# --------------------------------------------------------------------------------------------
# The fault-injecting proxy


@dataclass
class Faults:
    """Probabilities (0-1) of the proxy's faults, per proxied POST to the sync endpoint."""

    fail_before: float = 0.0  # answer 500 without forwarding
    fail_after: float = 0.0  # forward, let the server do the work, answer 500
    drop_after: float = 0.0  # forward, then close the connection without any answer
    kill_every: int = 0  # every N-th sync POST: SIGKILL the server while it is in flight
    kill_delay: tuple[float, float] = (0.02, 0.25)  # seconds after forwarding


@dataclass
class ProxyStats:
    requests: int = 0
    fail_before: int = 0
    fail_after: int = 0
    drop_after: int = 0
    kills_in_flight: int = 0  # the killed request had not been answered yet
    bad_gateway: int = 0
    bytes_out: int = 0  # bodies sent to clients, as sent (compressed when gzipped)
    bytes_out_raw: int = 0  # the same bodies before compression
    log: list[dict[str, Any]] = field(default_factory=list)  # per request, when logging


class Proxy:
    """A threaded HTTP/1.0 proxy to `server` on 127.0.0.1 (see the module docstring)."""

    def __init__(
        self,
        server: Server,
        *,
        faults: Faults | None = None,
        seed: int = 0,
        gzip_json: bool = False,
        log_requests: bool = False,
    ) -> None:
        self.server = server
        self.faults = faults or Faults()
        self.rng = random.Random(seed)
        self.rng_lock = threading.Lock()
        self.gzip_json = gzip_json
        self.log_requests = log_requests
        self.stats = ProxyStats()
        self.sync_posts = 0
        self.killing = False  # a kill is scheduled or the server is restarting
        self.last_kill_post = 0
        self.port = free_port()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", self.port), self._handler())
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.kill_threads: list[threading.Thread] = []
        self.on_kill: Callable[[bytes], None] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Proxy:
        self.thread.start()
        return self

    def stop(self) -> None:
        for t in self.kill_threads:
            t.join()
        self.httpd.shutdown()
        self.httpd.server_close()

    def _draw(self) -> tuple[str | None, float | None]:
        """(fault of this sync POST or None, seconds after which to kill the server or None)."""
        f = self.faults
        with self.rng_lock:
            self.sync_posts += 1
            # Counted from the last restart: requests refused while the server is down do
            # not bring the next kill closer.
            kill = (
                bool(f.kill_every)
                and not self.killing
                and self.sync_posts - self.last_kill_post >= f.kill_every
            )
            if kill:
                self.killing, self.last_kill_post = True, self.sync_posts
            r = self.rng.random()
            delay = self.rng.uniform(*f.kill_delay)
        if kill:
            return None, delay
        for name in ("fail_before", "fail_after", "drop_after"):
            p = getattr(f, name)
            if r < p:
                return name, None
            r -= p
        return None, None

    def _kill_later(self, delay: float, body: bytes, finished: threading.Event) -> None:
        """SIGKILL the server `delay` s after the request `body` was forwarded, then restart
        it; `on_kill(body)` runs while the server is down (it may inspect the database)."""

        def run() -> None:
            time.sleep(delay)
            with self.server.lock:
                self.server.kill()
                if not finished.is_set():
                    self.stats.kills_in_flight += 1
                    if self.on_kill is not None:
                        self.on_kill(body)
                self.server.start()
                with self.rng_lock:
                    self.killing = False
                    self.last_kill_post = self.sync_posts

        t = threading.Thread(target=run, daemon=True)
        self.kill_threads.append(t)
        t.start()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

            def _relay(self) -> None:
                proxy.stats.requests += 1
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                is_sync_post = self.command == "POST" and self.path.startswith("/api/sync/")
                fault, kill = proxy._draw() if is_sync_post else (None, None)
                if fault == "fail_before":
                    proxy.stats.fail_before += 1
                    return self._answer(500, [("Content-Type", "text/plain")], b"injected 500")
                headers = {
                    k: v
                    for k, v in self.headers.items()
                    if k.lower() not in {"connection", "keep-alive", "accept-encoding"}
                }
                finished = threading.Event()
                if kill is not None:
                    proxy._kill_later(kill, body, finished)
                started = time.perf_counter()
                try:
                    conn = http.client.HTTPConnection("127.0.0.1", proxy.server.port, timeout=120)
                    conn.request(self.command, self.path, body=body or None, headers=headers)
                    resp = conn.getresponse()
                    data = resp.read()
                    status, resp_headers = resp.status, resp.getheaders()
                    conn.close()
                except (OSError, http.client.HTTPException):
                    finished.set()
                    proxy.stats.bad_gateway += 1
                    return self._answer(502, [("Content-Type", "text/plain")], b"bad gateway")
                finished.set()
                if fault == "fail_after":
                    proxy.stats.fail_after += 1
                    return self._answer(500, [("Content-Type", "text/plain")], b"injected 500")
                if fault == "drop_after":
                    proxy.stats.drop_after += 1
                    self.close_connection = True
                    return None  # nothing written: the client sees the connection closed
                out = [
                    (k, v)
                    for k, v in resp_headers
                    if k.lower()
                    not in {"connection", "keep-alive", "transfer-encoding", "content-length"}
                ]
                content_type = {k.lower(): v for k, v in out}.get("content-type", "")
                raw = len(data)
                accepts = "gzip" in (self.headers.get("Accept-Encoding") or "")
                if proxy.gzip_json and accepts and "json" in content_type and raw > 256:
                    data = gzip.compress(data, compresslevel=6)
                    out += [("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding")]
                proxy.stats.bytes_out += len(data)
                proxy.stats.bytes_out_raw += raw
                if proxy.log_requests:
                    proxy.stats.log.append(
                        {
                            "method": self.command,
                            "path": self.path,
                            "status": status,
                            "bytes": len(data),
                            "raw_bytes": raw,
                            "server_s": time.perf_counter() - started,
                        }
                    )
                return self._answer(status, out, data)

            def _answer(self, status: int, headers: list[tuple[str, str]], data: bytes) -> None:
                try:
                    self.send_response_only(status)
                    for k, v in headers:  # getheaders() keeps each Set-Cookie separately
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(data)))
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    pass  # the client went away (its own timeout)

            def do_GET(self) -> None:  # noqa: N802
                self._relay()

            def do_POST(self) -> None:  # noqa: N802
                self._relay()

        return Handler


# --------------------------------------------------------------------------------------------
# A logged-in client


class HttpError(Exception):
    """No usable answer: connection refused or closed, timeout, or a non-2xx status."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class Client:
    """A browser session against `base` ("http://127.0.0.1:port"): cookies and CSRF."""

    def __init__(self, base: str) -> None:
        parts = urllib.parse.urlsplit(base)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.cookies: dict[str, str] = {}

    def _store_cookies(self, resp: http.client.HTTPResponse) -> None:
        for header in resp.msg.get_all("Set-Cookie") or []:
            jar = SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                self.cookies[name] = morsel.value

    def request(
        self,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        timeout: float = 60,
    ) -> tuple[int, bytes]:
        all_headers = {"Accept-Encoding": "identity"} | (headers or {})
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
            conn.request(method, path, body=body, headers=all_headers)
            resp = conn.getresponse()
            data = resp.read()
            self._store_cookies(resp)
            conn.close()
        except (OSError, http.client.HTTPException) as exc:
            raise HttpError(f"{type(exc).__name__}: {exc}") from exc
        return resp.status, data

    def login(self, username: str, password: str = DEMO_PASSWORD, attempts: int = 50) -> None:
        """Log in through the login page, retrying while the server is down."""
        for _ in range(attempts):
            try:
                status, page = self.request("GET", "/masuk/")
                if status != 200:
                    raise HttpError(f"GET /masuk/: {status}", status)
                token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
                if token is None:
                    raise RuntimeError("no CSRF token on the login page")
                form = urllib.parse.urlencode(
                    {
                        "username": username,
                        "password": password,
                        "csrfmiddlewaretoken": token.group(1).decode(),
                    }
                ).encode()
                status, _ = self.request(
                    "POST",
                    "/masuk/",
                    body=form,
                    headers={"Content-Type": "application/x-www-form-urlencoded"},
                )
                if status == 302 and "sessionid" in self.cookies:
                    return
                raise RuntimeError(f"login of {username} refused (HTTP {status})")
            except HttpError:
                time.sleep(0.3)
        raise RuntimeError(f"could not log in {username}: server unreachable")

    def post_json(self, path: str, payload: Any, *, timeout: float = 60) -> Any:
        status, data = self.request(
            "POST",
            path,
            body=json.dumps(payload).encode(),
            headers={
                "Content-Type": "application/json",
                "X-CSRFToken": self.cookies.get("csrftoken", ""),
            },
            timeout=timeout,
        )
        if status != 200:
            raise HttpError(f"POST {path}: HTTP {status}: {data[:300]!r}", status)
        return json.loads(data)

    def get_json(self, path: str, *, timeout: float = 60) -> Any:
        status, data = self.request("GET", path, timeout=timeout)
        if status != 200:
            raise HttpError(f"GET {path}: HTTP {status}: {data[:300]!r}", status)
        return json.loads(data)


def retrying(call: Callable[[], Any], *, attempts: int = 100, pause: float = 0.3) -> Any:
    """`call()` until it does not raise HttpError (the server may be restarting)."""
    for i in range(attempts):
        try:
            return call()
        except HttpError:
            if i == attempts - 1:
                raise
            time.sleep(pause)
    return None
