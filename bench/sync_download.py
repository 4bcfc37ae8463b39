"""Download benchmark of the field app: a desa of 1,000 targets on a slow village connection.

Builds a PostgreSQL database (`--database-url`, dropped and created) with one desa, Sibargot,
filled by the demo population generator (`tikar.front.demo_population.populate_village`:
households, mothers, pregnancies and children at the demo's proportions, `--months` 12 months
of Formulir 2a/2b/2c records), serves it with gunicorn (DEBUG off) behind a small proxy that
gzips JSON answers as a front proxy configured for it would, and measures in headless
Chromium, logged in as the desa's KPM (Sari), with `fetch` in the page as the field app's
sync.js does, under Chromium's network emulation (CDP `Network.emulateNetworkConditions`:
400 kbit/s down and up, 400 ms latency):

1. the first download, as sync.js's first sync does: the reference, the snapshot's pages
   (`/api/sync/snapshot/`, tables of 1,000 records a page), then the changes after the
   reference's cursor: bytes on the wire gzipped and not, and seconds;
2. an incremental sync after one month's changes (one monthly record of every target with a
   record this month changed on the server): the changes after the stored cursor, and the
   reference, bytes and seconds;
3. the app shell's one-time size: every file the service worker precaches (its list, read
   from /lapangan/sw.js) plus the shell page, sw.js, the manifest, who2006.json and rules.json,
   gzipped (level 9, as WhiteNoise stores them).

Each measurement is timed twice: with gzip (what a server configured for it sends) and
without (what gunicorn alone sends). It also prints which kinds and which fields take the
most bytes of the snapshot, for whoever trims the wire format.

Run: `.venv/bin/python bench/sync_download.py [--households 410] [--months 12] [--limit 500]
[--database-url postgres://postgres@127.0.0.1:5432/tikar_bench_download]`.
Aim (issue 9): first download < 300 KB and < 10 s; incremental < 50 KB.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from sync_common import (  # noqa: E402
    DEMO_PASSWORD,
    DESA,
    Client,
    Proxy,
    Server,
    fresh_database,
    manage,
    server_env,
)

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/tikar_bench_download"
KBIT = 1000 / 8  # bytes per second per kbit/s
NETWORK = {"offline": False, "latency": 400, "downloadThroughput": 400 * KBIT}
NETWORK["uploadThroughput"] = 400 * KBIT
UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
AIM_FIRST_BYTES, AIM_FIRST_SECONDS, AIM_INCREMENTAL_BYTES = 300_000, 10.0, 50_000

POPULATE = """
import json
from tikar import clock
from tikar.front.demo_population import populate_village
s = populate_village({desa!r}, today=clock.today(), households={households}, months={months})
print(json.dumps(dict(households=s.households, pregnancies=s.pregnancies,
                      children=s.children, records=s.records, targets=s.targets)))
"""

# One month's work: every live record of this month changed once, through save() (a new
# version and change_seq, a history row), as the KPM's edits would.
CHANGE_MONTH = """
from tikar import clock
from tikar.accounts.models import User
from tikar.monitoring.models import ChildVisit, PaudRecord, PregnancyVisit
kpm = User.objects.get(username="sari")
month = clock.today().replace(day=1)
n = 0
for model in (PregnancyVisit, ChildVisit, PaudRecord):
    for record in model.objects.alive().filter(village_id={desa!r}, month=month):
        if model is PaudRecord:
            record.status = "tidak_mengikuti" if record.status == "mengikuti" else "mengikuti"
        else:
            record.home_visit = not record.home_visit
        record._history_user = kpm
        record.save()
        n += 1
print(n)
"""

# The field app's first sync (sync.js): the reference, the snapshot's pages (tables, expanded
# as sync.js expandTables does), then the changes after the reference's cursor; the
# incremental: the pages after the cursor, then the reference. Returns what it fetched.
FETCH_JS = """
async ({cursor, snapshot, limit}) => {
  const t0 = performance.now();
  const requests = [];
  async function get(url) {
    const r = await fetch(url, {credentials: "same-origin", headers: {Accept: "application/json"}});
    const text = await r.text();
    if (!r.ok) throw new Error(url + " HTTP " + r.status + " " + text.slice(0, 200));
    requests.push({url, chars: text.length});
    return JSON.parse(text);
  }
  function longId(short) {
    if (short == null) return short;
    const bin = atob(short.replace(/-/g, "+").replace(/_/g, "/") + "==");
    let hex = "";
    for (let i = 0; i < bin.length; i++) hex += bin.charCodeAt(i).toString(16).padStart(2, "0");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }
  const changes = [];
  let next = cursor;
  if (snapshot) {
    const first = await get("/api/sync/reference/");
    let marker = "", more = true;
    while (more) {
      const page = await get(`/api/sync/snapshot/?cursor=${encodeURIComponent(marker)}&limit=1000`);
      for (const table of page.tables) {
        const ids = new Set(table.ids);
        for (const row of table.rows) {
          const fields = {};
          table.columns.forEach((name, i) => { fields[name] = ids.has(name) ? longId(row[i]) : row[i]; });
          const {id, version} = fields;
          delete fields.id; delete fields.version;
          changes.push({kind: table.kind, id, version, change_seq: null, deleted: false, fields});
        }
      }
      marker = page.next_cursor;
      more = page.more;
    }
    next = first.cursor;
  }
  let more = true;
  while (more) {
    const page = await get(`/api/sync/?cursor=${next}&limit=${limit}`);
    for (const c of page.changes) changes.push(c);
    more = page.more && page.changes.length > 0;
    if (page.next_cursor != null) next = page.next_cursor;
  }
  const ref = snapshot ? {cursor: next} : await get("/api/sync/reference/");
  return {seconds: (performance.now() - t0) / 1000, requests, changes,
          cursor: next, ref_cursor: ref.cursor};
}
"""


def fmt_kb(n: int) -> str:
    return f"{n / 1000:,.1f} KB"


def field_costs(changes: list[dict[str, Any]]) -> tuple[Counter, Counter, Counter]:
    """Bytes of compact JSON per kind, per kind.field (key + value), and rows per kind."""
    per_kind: Counter = Counter()
    per_field: Counter = Counter()
    rows: Counter = Counter()
    for c in changes:
        kind = c["kind"]
        rows[kind] += 1
        per_kind[kind] += len(json.dumps(c, separators=(",", ":")))
        for name, value in (c.get("fields") or {}).items():
            per_field[f"{kind}.{name}"] += len(json.dumps({name: value}, separators=(",", ":")))
    return per_kind, per_field, rows


def what_if(changes: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """Gzipped size of the snapshot's changes in other shapes, for whoever trims the format."""

    def gz(value: Any) -> int:
        return len(gzip.compress(json.dumps(value, separators=(",", ":")).encode(), 6))

    no_nulls = [
        c | {"fields": {k: v for k, v in (c.get("fields") or {}).items() if v is not None}}
        for c in changes
    ]
    columnar: dict[str, dict[str, Any]] = {}
    for c in changes:
        table = columnar.setdefault(c["kind"], {"columns": sorted(c["fields"]), "rows": []})
        table["rows"].append(
            [c["id"], c["version"], c["change_seq"]]
            + [c["fields"].get(k) for k in table["columns"]]
        )
    numbers: dict[str, int] = {}

    def small(value: Any) -> Any:
        if isinstance(value, str) and UUID_RE.fullmatch(value):
            return numbers.setdefault(value, len(numbers))
        return value

    no_uuids = {
        kind: {"columns": t["columns"], "rows": [[small(v) for v in row] for row in t["rows"]]}
        for kind, t in columnar.items()
    }
    return [
        ("as served (same changes)", gz(changes)),
        ("null fields left out (absent = null)", gz(no_nulls)),
        ("one column list per kind, rows as arrays", gz(columnar)),
        ("the same with every UUID a small number (what UUIDs cost)", gz(no_uuids)),
    ]


def fetch_in_browser(
    base: str, gzip_on: bool, proxy: Proxy, cursor: int, snapshot: bool, limit: int
):
    """Log in as Sari in a fresh Chromium and run FETCH_JS under the network emulation."""
    from tikar.browser import browser, login

    proxy.gzip_json = gzip_on
    with browser() as b:
        context = b.new_context(viewport={"width": 360, "height": 800})
        page = context.new_page()
        login(page, base, "sari", DEMO_PASSWORD)
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", NETWORK)
        start = len(proxy.stats.log)
        result = page.evaluate(FETCH_JS, {"cursor": cursor, "snapshot": snapshot, "limit": limit})
        log = proxy.stats.log[start:]
        context.close()
    wire = sum(r["bytes"] for r in log)
    raw = sum(r["raw_bytes"] for r in log)
    server_s = sum(r["server_s"] for r in log)
    return result, wire, raw, server_s, log


def shell_size(base: str) -> list[tuple[str, int, int]]:
    """(url, bytes, gzipped bytes) of everything the app keeps after its first start."""
    client = Client(base)
    client.login("sari")
    status, sw = client.request("GET", "/lapangan/sw.js")
    if status != 200:
        raise RuntimeError(f"/lapangan/sw.js: HTTP {status}")
    entries = re.findall(rb'"url":\s*"([^"]+)",\s*"revision":\s*"([^"]+)"', sw)
    seen: set[bytes] = set()
    urls = ["/lapangan/", "/lapangan/sw.js", "/lapangan/manifest.webmanifest"]
    urls += ["/lapangan/data/who2006.json", "/lapangan/data/rules.json"]
    for url, revision in entries:
        if revision not in seen:  # a file listed under its hashed and its plain name
            seen.add(revision)
            urls.append(url.decode())
    out = []
    for url in urls:
        if url.startswith("/static/"):
            body = _static_file(url.removeprefix("/static/")).read_bytes()
        else:
            status, body = client.request("GET", url)
            if status != 200:
                raise RuntimeError(f"{url}: HTTP {status}")
        out.append((url, len(body), len(gzip.compress(body, compresslevel=9))))
    return out


def _static_file(rel: str) -> Path:
    """The source of a static URL (the benchmark's server has no collectstatic run, and a
    hashed name maps back to its plain file: "app.4f3a2b1c9d0e.js" → "app.js")."""
    rel = re.sub(r"\.[0-9a-f]{12}(\.[^./]+)$", r"\1", rel)
    for root in [ROOT / "tikar" / "static", *sorted((ROOT / "tikar").glob("*/static"))]:
        if (root / rel).is_file():
            return root / rel
    raise RuntimeError(f"static file not found: {rel}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=410, help="about 2.5 targets each")
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--limit", type=int, default=500, help="changes per page (sync.js: 500)")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()

    var_dir = tempfile.mkdtemp(prefix="tikar-download-")
    env = server_env(args.database_url, var_dir)
    t0 = time.monotonic()
    print("building the database…", flush=True)
    fresh_database(args.database_url, env)
    code = POPULATE.format(desa=DESA, households=args.households, months=args.months)
    summary = json.loads(manage(env, "shell", "-c", code).strip().splitlines()[-1])
    print(
        f"desa Sibargot: {summary['targets']} targets ({summary['households']} households, "
        f"{summary['pregnancies']} pregnancies, {summary['children']} children), "
        f"{summary['records']} monthly records over {args.months} months "
        f"(built in {time.monotonic() - t0:.0f} s)",
        flush=True,
    )
    server = Server(env)
    server.start()
    proxy = Proxy(server, gzip_json=True, log_requests=True).start()
    rows: list[tuple[str, int, int, float, float, int]] = []
    try:
        first = {}
        for gzip_on in (True, False):
            first[gzip_on] = fetch_in_browser(proxy.base, gzip_on, proxy, 0, True, args.limit)
        result, wire, raw, server_s, log = first[True]
        cursor = result["cursor"]
        changes = result["changes"]
        rows.append(
            ("first download", wire, raw, result["seconds"], first[False][0]["seconds"], len(log))
        )
        changed = int(manage(env, "shell", "-c", CHANGE_MONTH.format(desa=DESA)).split()[-1])
        inc = {}
        for gzip_on in (True, False):
            inc[gzip_on] = fetch_in_browser(proxy.base, gzip_on, proxy, cursor, False, args.limit)
        i_result, i_wire, i_raw, i_server, i_log = inc[True]
        rows.append(
            (
                "incremental (one month)",
                i_wire,
                i_raw,
                i_result["seconds"],
                inc[False][0]["seconds"],
                len(i_log),
            )
        )
        shell = shell_size(proxy.base)
    finally:
        proxy.stop()
        server.stop()
        if not args.keep:
            from sync_common import drop_database

            drop_database(args.database_url)
        shutil.rmtree(var_dir, ignore_errors=True)

    kinds = Counter(c["kind"] for c in changes)
    print(f"\nsnapshot: {len(changes)} changes: " + ", ".join(f"{k} {n}" for k, n in kinds.items()))
    print(f"incremental: {changed} monthly records changed, {len(i_result['changes'])} changes")
    net = "400 kbit/s down/up, 400 ms latency (Chromium emulation)"
    print(f"\n{'':<26}{'gzip':>12}{'plain':>12}{'s gzip':>9}{'s plain':>9}{'requests':>10}")
    for label, w, r, s_gz, s_plain, n in rows:
        print(f"{label:<26}{fmt_kb(w):>12}{fmt_kb(r):>12}{s_gz:>9.1f}{s_plain:>9.1f}{n:>10}")
    shell_raw = sum(r for _, r, _ in shell)
    shell_gz = sum(g for _, _, g in shell)
    print(f"{'app shell (one time)':<26}{fmt_kb(shell_gz):>12}{fmt_kb(shell_raw):>12}")
    print(f"network: {net}; bytes = response bodies as sent (headers not counted)")
    print(
        f"server time of the first download's requests: {server_s:.2f} s; incremental {i_server:.2f} s"
    )

    aims = [
        ("first download < 300 KB (gzip)", rows[0][1] < AIM_FIRST_BYTES),
        ("first download < 10 s (gzip)", rows[0][3] < AIM_FIRST_SECONDS),
        ("incremental < 50 KB (gzip)", rows[1][1] < AIM_INCREMENTAL_BYTES),
    ]
    print("aims: " + "; ".join(f"{a}: {'yes' if ok else 'NO'}" for a, ok in aims))

    per_kind, per_field, nrows = field_costs(changes)
    total = sum(per_kind.values()) or 1
    print("\nsnapshot bytes by kind (compact JSON, before gzip):")
    for kind, n in per_kind.most_common():
        print(
            f"  {kind:<18}{nrows[kind]:>6} rows {fmt_kb(n):>12} {100 * n / total:5.1f}%  "
            f"{n / nrows[kind]:.0f} B/row"
        )
    print("the 15 costliest fields (key + value, all rows):")
    for name, n in per_field.most_common(15):
        print(f"  {name:<40}{fmt_kb(n):>12} {100 * n / total:5.1f}%")
    print("what if (all snapshot changes in one JSON array, gzip level 6):")
    for label, n in what_if(changes):
        print(f"  {label:<58}{fmt_kb(n):>12}")
    print("app shell files, largest gzipped first:")
    for url, r, g in sorted(shell, key=lambda x: -x[2])[:12]:
        print(f"  {url:<60}{fmt_kb(g):>10}{fmt_kb(r):>12}")


if __name__ == "__main__":
    main()
