// Sync between the phone's store (db.js) and the server (POST/GET /api/sync/, see
// docs/offline.md). One Sync per store:
//
// const sync = createSync(store, {urls: config().urls, t});
// sync.syncNow() → summary {ok, sent, applied, merged, conflicts, refused, downloaded,
//                           error: null|"offline"|"network"|"server"|"login", message}
// sync.firstDownload() → same summary (snapshot pages + reference), run once per database
// sync.onChange(cb) → unsubscribe; cb(state) with state = {running, online, unsent, check,
//     last_sync, error, message}; called on every local write and sync step
// sync.start() → runs on app start, on "online" events, every few minutes while open
//
// An outbox item leaves the outbox only when the server has answered for it. A network
// error, a timeout or a 5xx keeps everything and retries later with a growing pause; a 401/403
// (session expired) keeps everything and asks the KPM to log in again.

import { KINDS, REFERENCE_FIELDS } from "./db.js";

export const BATCH = 50; // operations per request (the server takes at most 200)
const TIMEOUT_MS = 30000;
const PAGE = 500;
const SNAPSHOT_PAGE = 1000;
const EVERY_MS = 5 * 60 * 1000;
const BACKOFF_MS = [5000, 15000, 60000, 180000, 600000];

class HttpError extends Error {
  constructor(status, message) {
    super(message || `HTTP ${status}`);
    this.status = status;
  }
}

function csrfToken() {
  const m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : "";
}

async function request(url, { method = "GET", body = null, timeout = TIMEOUT_MS } = {}) {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeout);
  try {
    const headers = { Accept: "application/json" };
    if (body !== null) {
      headers["Content-Type"] = "application/json";
      headers["X-CSRFToken"] = csrfToken();
    }
    const resp = await fetch(url, {
      method,
      headers,
      body: body === null ? null : JSON.stringify(body),
      credentials: "same-origin",
      redirect: "manual", // a redirect here means "log in first", never data
      signal: ctrl.signal,
    });
    if (resp.type === "opaqueredirect" || resp.status === 401 || resp.status === 403) {
      throw new HttpError(resp.status || 401);
    }
    if (!resp.ok) throw new HttpError(resp.status);
    return await resp.json();
  } finally {
    clearTimeout(timer);
  }
}

/** The Indonesian words of a refused result's `errors` ({field: [messages]}). */
export function errorsInWords(errors, fallback) {
  if (!errors || typeof errors !== "object") return fallback;
  const parts = [];
  for (const msgs of Object.values(errors)) {
    for (const m of [].concat(msgs)) if (m && !parts.includes(String(m))) parts.push(String(m));
  }
  return parts.length ? parts.join(" ") : fallback;
}

class Sync {
  constructor(store, { urls, t }) {
    this.store = store;
    this.urls = urls;
    this.t = t;
    this.listeners = new Set();
    this.running = null;
    this.failures = 0;
    this.retryAt = 0;
    this.state = {
      running: false,
      online: typeof navigator === "undefined" ? true : navigator.onLine,
      unsent: null, // null until counted: never claim "all sent" before knowing
      check: 0,
      last_sync: null,
      error: null,
      message: null,
    };
    store.onChange(() => this.refresh());
  }

  onChange(cb) {
    this.listeners.add(cb);
    cb({ ...this.state });
    return () => this.listeners.delete(cb);
  }

  /** Recount and tell the listeners; serialised, so a slower older count never paints over a
   * newer one. */
  refresh(patch = {}) {
    this.refreshing = (this.refreshing || Promise.resolve())
      .then(() => this._refresh(patch))
      .catch((e) => console.error(e));
    return this.refreshing;
  }

  async _refresh(patch) {
    Object.assign(this.state, patch, {
      unsent: await this.store.unsentCount(),
      check: await this.store.checkCount(),
      last_sync: await this.store.meta.get("last_sync"),
      online: navigator.onLine,
    });
    for (const cb of this.listeners) {
      try {
        cb({ ...this.state });
      } catch (e) {
        console.error(e);
      }
    }
  }

  start() {
    window.addEventListener("online", () => this.syncNow());
    // Without signal the last sync's "Terkirim" would contradict the unsent counter.
    window.addEventListener("offline", () => this.refresh({ online: false, message: null }));
    setInterval(() => {
      if (navigator.onLine && Date.now() >= this.retryAt) this.syncNow();
    }, EVERY_MS);
    this.refresh();
    if (navigator.onLine) return this.syncNow();
    return Promise.resolve(null);
  }

  /** Upload the outbox, then download the changes. Concurrent calls share one run. */
  syncNow() {
    if (!this.running) {
      // One sync at a time across the app's tabs too (Web Locks), so two windows never send
      // the same outbox at once (the server would cope, per op_id, but it is wasted signal).
      const lock = `tikar-sync-${this.store.db.name}`;
      const run = navigator.locks ? navigator.locks.request(lock, () => this._run()) : this._run();
      this.running = run.finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  async firstDownload() {
    return this.syncNow();
  }

  async _run() {
    const summary = {
      ok: false,
      sent: 0,
      applied: 0,
      merged: 0,
      conflicts: 0,
      refused: 0,
      downloaded: 0,
      error: null,
      message: null,
    };
    await this.refresh({ running: true, message: this.t("syncing"), error: null });
    try {
      if (!navigator.onLine) throw Object.assign(new Error("offline"), { kind: "offline" });
      let freshReference = false;
      if (!(await this.store.meta.get("snapshot_done"))) {
        await this.refresh({ message: this.t("first_download") });
        const ref = await this._reference();
        freshReference = true;
        // The snapshot leaves out old records and tombstones below this point on purpose;
        // the incremental downloads start after it. Taken once, before the first page: a
        // snapshot resumed after a broken line must not move it past a deletion of a record
        // an earlier page already brought.
        if ((await this.store.meta.get("snapshot_floor")) === null) {
          await this.store.meta.set("snapshot_floor", ref?.cursor ?? 0);
        }
      }
      await this._upload(summary);
      await this._download(summary);
      // The posyandu list and today, best effort (a first sync fetched it a moment ago: one
      // request less on a slow line).
      if (!freshReference) await this._reference().catch(() => null);
      // What each target still needs this quarter (/api/sync/needs/, issue 10): kept with the
      // time it was fetched, shown offline as "menurut sinkron terakhir"; best effort.
      await this._needs().catch(() => null);
      await this.store.meta.set("last_sync", new Date().toISOString());
      this.failures = 0;
      this.retryAt = 0;
      summary.ok = true;
      summary.message = this.t("sync_done");
    } catch (e) {
      summary.error = e.kind || (e instanceof HttpError ? (e.status === 401 || e.status === 403 ? "login" : "server") : "network");
      summary.message = {
        offline: this.t("sync_offline"),
        login: this.t("sync_login"),
        server: this.t("sync_failed"),
        network: this.t("sync_failed"),
      }[summary.error];
      if (summary.error !== "login" && !(await this.store.meta.get("snapshot_done"))) {
        summary.message = this.t("first_download_failed");
      }
      if (summary.error !== "login" && summary.error !== "offline") {
        this.retryAt = Date.now() + BACKOFF_MS[Math.min(this.failures, BACKOFF_MS.length - 1)];
        this.failures += 1;
        setTimeout(() => {
          if (navigator.onLine) this.syncNow();
        }, this.retryAt - Date.now());
      }
    }
    await this.refresh({ running: false, error: summary.error, message: summary.message });
    return summary;
  }

  async _needs() {
    if (!this.urls.needs) return null;
    const needs = await request(this.urls.needs);
    await this.store.meta.set("needs", { fetched_at: new Date().toISOString(), data: needs });
    return needs;
  }

  async _reference() {
    const ref = await request(this.urls.reference);
    await this.store.meta.set("reference", ref);
    return ref;
  }

  /** Pick the next batch in creation order, at most one operation per record: the second
   * operation of a record goes after the first is answered, rebased on the version the
   * server returned, so the phone never conflicts with its own earlier edit. */
  async _nextBatch(skip = new Set()) {
    const ops = await this.store.outbox();
    const seen = new Set();
    const batch = [];
    for (const op of ops) {
      const key = `${op.kind}:${op.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (skip.has(op.op_id)) continue; // waits, and so do the record's later operations
      batch.push(op);
      if (batch.length >= BATCH) break;
    }
    return batch;
  }

  async _upload(summary) {
    const device_id = await this.store.deviceId();
    const outbox = this.store.db.table("outbox");
    // Operations the server answered "retry" (it failed, not the data) wait for the next sync.
    const later = new Set();
    // Guard against a loop when the server keeps answering without acknowledging anything.
    for (let round = 0; round < 10000; round++) {
      const batch = await this._nextBatch(later);
      if (!batch.length) break;
      // Counted before sending: an attempted operation is never folded with a later edit.
      await outbox.bulkPut(batch.map((op) => ({ ...op, tries: op.tries + 1 })));
      let answer;
      try {
        answer = await request(this.urls.sync, {
          method: "POST",
          body: {
            device_id,
            operations: batch.map((op) => ({
              op_id: op.op_id,
              kind: op.kind,
              action: op.action,
              id: op.id,
              base_version: op.base_version,
              fields: op.fields,
            })),
          },
        });
      } catch (e) {
        const msg = e instanceof HttpError ? `HTTP ${e.status}` : String(e.name || e);
        await outbox.bulkUpdate?.(batch.map((op) => ({ key: op.op_id, changes: { last_error: msg } })));
        throw e;
      }
      const results = Array.isArray(answer?.results) ? answer.results : [];
      let acknowledged = 0;
      for (const op of batch) {
        const result = results.find((r) => r.op_id === op.op_id);
        if (!result) continue; // not answered: stays for the next run
        await this._apply(op, result, summary);
        if (result.outcome === "refused" && result.retry) later.add(op.op_id);
        else acknowledged += 1;
      }
      summary.sent += acknowledged;
      await this.refresh();
      if (!acknowledged && !batch.some((op) => later.has(op.op_id))) {
        throw new HttpError(500, "no result");
      }
    }
    // Kept operations make this sync a failed one: the usual pause, then it tries again.
    if (later.size) throw new HttpError(503, "retry later");
  }

  /** Apply one server result to the store, in one transaction with the outbox removal. */
  async _apply(op, result, summary) {
    const db = this.store.db;
    const kind = op.kind;
    const table = db.table(kind);
    const outbox = db.table("outbox");
    const outcome = result.outcome;
    if (outcome === "refused" && result.retry) {
      // The server failed, not the data: the operation stays in the outbox, unchanged, and
      // goes again at the next sync (the record stays "belum terkirim").
      summary.retry = (summary.retry || 0) + 1;
      await outbox.update(op.op_id, {
        last_error: errorsInWords(result.errors, result.message || this.t("sync_failed")),
      });
      return;
    }
    if (outcome === "applied" || outcome === "already_applied") summary.applied += 1;
    else if (outcome === "merged") summary.merged += 1;
    else if (outcome === "conflict") summary.conflicts += 1;
    else if (outcome === "refused") summary.refused += 1;
    const serverId = result.id || op.id;
    const tables = [outbox, ...KINDS.map((k) => db.table(k))];
    await db.transaction("rw", tables, async () => {
      await outbox.delete(op.op_id);
      if (serverId !== op.id) await this._repoint(kind, op.id, serverId);
      const rest = await outbox.where("[kind+id]").equals([kind, serverId]).sortBy("created_at");
      // The next operation of this record was made on the version this one replaced.
      if (rest.length && result.version != null) {
        await outbox.update(rest[0].op_id, { base_version: result.version });
      }
      const local = await table.get(serverId);
      if (outcome === "refused") {
        if (local) {
          const reason = errorsInWords(result.errors, result.message || this.t("refused_generic"));
          await table.put({ ...local, state: "check", reason, errors: result.errors || null, deleted: false });
        }
        return;
      }
      if (op.action === "delete" && outcome !== "conflict") {
        if (!rest.length) await table.delete(serverId);
        return;
      }
      const fields = rest.length ? local?.fields || result.record || {} : result.record || local?.fields || {};
      let state = rest.length ? "unsent" : outcome === "conflict" ? "check" : "sent";
      let reason =
        outcome === "conflict"
          ? result.conflict?.message || result.message || this.t("conflict_generic")
          : null;
      // A likely duplicate is saved on the server but is for the KPM to look at: "perlu
      // diperiksa" with the server's words until "Sudah saya periksa" (screens/record.js).
      const duplicates = (result.warnings || []).filter((w) => w?.code === "likely_duplicate");
      if (state === "sent" && duplicates.length) {
        state = "check";
        reason = duplicates.map((w) => w.message).join(" ");
      }
      await table.put({
        ...(local || {}),
        id: serverId,
        kind,
        fields,
        version: result.version ?? local?.version ?? null,
        change_seq: result.change_seq ?? local?.change_seq ?? null,
        state,
        reason,
        errors: null,
        conflict: outcome === "conflict" ? result.conflict || null : null,
        warnings: result.warnings || [],
        warnings_checked: false,
        deleted: false,
        updated_at: local?.updated_at || new Date().toISOString(),
      });
    });
  }

  /** The server merged our create `oldId` into its record `newId`: move the local record and
   * every local reference (other records' fields, pending operations) to the new id. */
  async _repoint(kind, oldId, newId) {
    const db = this.store.db;
    const old = await db.table(kind).get(oldId);
    if (old) {
      await db.table(kind).delete(oldId);
      const existing = await db.table(kind).get(newId);
      if (!existing) await db.table(kind).put({ ...old, id: newId });
    }
    for (const k of KINDS) {
      const rows = await db.table(k).toArray();
      for (const r of rows) {
        const changes = {};
        for (const f of REFERENCE_FIELDS) if (r.fields?.[f] === oldId) changes[f] = newId;
        if (Object.keys(changes).length) {
          await db.table(k).put({ ...r, fields: { ...r.fields, ...changes } });
        }
      }
    }
    const ops = await db.table("outbox").toArray();
    for (const op of ops) {
      let touched = false;
      const next = { ...op, fields: op.fields ? { ...op.fields } : null };
      if (op.kind === kind && op.id === oldId) {
        next.id = newId;
        touched = true;
      }
      for (const f of REFERENCE_FIELDS) {
        if (next.fields?.[f] === oldId) {
          next.fields[f] = newId;
          touched = true;
        }
      }
      if (touched) await db.table("outbox").put(next);
    }
  }

  /** Download the changes after the stored cursor; the first time the snapshot. A local
   * record with an unsent operation is never overwritten (its upload decides). */
  async _download(summary) {
    if (!(await this.store.meta.get("snapshot_done"))) await this._snapshot(summary);
    let cursor = (await this.store.meta.get("cursor")) || 0;
    for (let page = 0; page < 100000; page++) {
      const data = await request(`${this.urls.sync}?cursor=${cursor}&limit=${PAGE}`);
      const changes = Array.isArray(data.changes) ? data.changes : [];
      await this._store(changes, data.next_cursor != null ? { cursor: data.next_cursor } : {});
      if (data.next_cursor != null) cursor = data.next_cursor;
      summary.downloaded += changes.length;
      if (!data.more || !changes.length) break;
    }
  }

  /** The first download: tables of the desa's open records (GET /api/sync/snapshot/), page by
   * page; the page marker is stored with each page, so a broken line resumes where it stopped.
   * Then the changes from the cursor the reference gave before the first page (the snapshot
   * leaves out tombstones and old records on purpose; what changed meanwhile comes after). */
  async _snapshot(summary) {
    let marker = (await this.store.meta.get("snapshot_cursor")) || "";
    for (let page = 0; page < 100000; page++) {
      const data = await request(
        `${this.urls.snapshot}?cursor=${encodeURIComponent(marker)}&limit=${SNAPSHOT_PAGE}`,
      );
      const changes = expandTables(data.tables);
      marker = data.next_cursor || "";
      await this._store(changes, { snapshot_cursor: marker });
      summary.downloaded += changes.length;
      if (!data.more) break;
    }
    const floor = (await this.store.meta.get("snapshot_floor")) || 0;
    await this.store.meta.set("cursor", floor);
    await this.store.meta.set("snapshot_done", true);
  }

  /** Store downloaded records and the meta values of their page in one transaction. */
  async _store(changes, meta) {
    const db = this.store.db;
    await db.transaction("rw", [db.table("outbox"), db.table("meta"), ...KINDS.map((k) => db.table(k))], async () => {
      for (const ch of changes) {
        if (!KINDS.includes(ch.kind)) continue;
        if (await this.store.hasPending(ch.kind, ch.id)) continue;
        const table = db.table(ch.kind);
        if (ch.deleted) {
          await table.delete(ch.id);
        } else {
          const local = await table.get(ch.id);
          // A record waiting for a person's decision stays "check" until its version moves (a
          // resolved conflict always gets a new version on the server).
          const keep = local?.state === "check" && local.version === ch.version;
          await table.put({
            ...(local || {}),
            id: ch.id,
            kind: ch.kind,
            fields: ch.fields || {},
            version: ch.version ?? null,
            change_seq: ch.change_seq ?? null,
            state: keep ? "check" : "sent",
            reason: keep ? local.reason : null,
            conflict: keep ? local.conflict || null : null,
            errors: keep ? local.errors || null : null,
            deleted: false,
            updated_at: local?.updated_at || null,
            // the snapshot's summary of older records; a later change keeps the stored one
            ...(ch.before_window ? { before_window: ch.before_window } : {}),
          });
        }
      }
      // Stored only together with the page it ends (same transaction).
      for (const [key, value] of Object.entries(meta)) await db.table("meta").put({ key, value });
    });
  }
}

/** A snapshot id (22 base64url characters of the UUID's 16 bytes) in the usual UUID form. */
export function longId(short) {
  if (short == null) return short;
  const bin = atob(short.replace(/-/g, "+").replace(/_/g, "/") + "==");
  let hex = "";
  for (let i = 0; i < bin.length; i++) hex += bin.charCodeAt(i).toString(16).padStart(2, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A snapshot page's tables ({kind, columns, ids, rows}) as change records {kind, id, version,
 * fields, before_window?}, ids in UUID form. */
export function expandTables(tables) {
  const out = [];
  for (const table of Array.isArray(tables) ? tables : []) {
    const ids = new Set(table.ids || []);
    for (const row of table.rows || []) {
      const fields = {};
      table.columns.forEach((name, i) => {
        fields[name] = ids.has(name) ? longId(row[i]) : row[i];
      });
      const { id, version, before_window: before } = fields;
      delete fields.id;
      delete fields.version;
      delete fields.before_window;
      const change = { kind: table.kind, id, version, change_seq: null, deleted: false, fields };
      // Snapshot-only: the summary of the records older than the snapshot's months (download.py
      // `before_window`), kept beside the fields, never uploaded.
      if (before) change.before_window = before;
      out.push(change);
    }
  }
  return out;
}

export function createSync(store, opts) {
  return new Sync(store, opts);
}
