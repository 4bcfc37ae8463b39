// The phone's store: one IndexedDB database per user and desa (Dexie), see docs/offline.md.
//
// const store = await openStore({username: "sari", village_code: "12.10.07.2001"});
//
// Records (one table per kind of the contract: household, mother, pregnancy, child,
// pregnancy_visit, child_visit, paud_record) are kept as envelopes:
//   {id, kind, fields: {...same names and shapes as the REST API...}, version (server's, null
//    before the first ack), change_seq, state: "unsent"|"sent"|"check", reason (Indonesian or
//    null), errors ({field: [Indonesian]} or null), deleted (true while a delete is unsent),
//    updated_at (ISO time of the last local change), before_window (children and pregnancies of
//    the first download: its summary of older records, never uploaded; docs/offline.md)}
//
// store.get(kind, id) → envelope or null          store.all(kind) → [envelope] (not deleted)
// store.where(kind, field, value) → [envelope]    (field of `fields`, e.g. "target", "household")
// store.save(kind, fields, {id?, baseVersion?}) → envelope; writes locally as "unsent" and
//     adds an outbox operation (new op_id); a save of a record whose previous operation was
//     never attempted is folded into that operation instead (one op per edit burst).
// store.remove(kind, id): a delete operation (or, for a record the server never saw, just
//     forgets it and its pending create).
// store.status(kind, id) → {state, reason}        store.unsentCount() → records not sent
// store.checkCount() → records "perlu diperiksa"  store.meta.get(key) / store.meta.set(key, v)
// store.onChange(cb) → unsubscribe; cb() after every local write (the header's counter).
//
// Every change to a record and its outbox operation happens in one IndexedDB transaction, so a
// phone switched off mid-save has either both or neither.

import Dexie from "./vendor/dexie/dexie.mjs";

export const KINDS = [
  "household",
  "mother",
  "pregnancy",
  "child",
  "pregnancy_visit",
  "child_visit",
  "paud_record",
];
const MONTHLY = new Set(["pregnancy_visit", "child_visit", "paud_record"]);
// Fields of `fields` that hold another record's id: re-pointed when the server merges a
// create into an existing record (its id then changes).
export const REFERENCE_FIELDS = ["target", "household", "mother", "born_from", "pregnancy", "child"];

/** A new random UUID (v4); crypto.randomUUID needs a secure context, which 127.0.0.1 and
 * https are; the fallback covers plain-http LAN testing. */
export function uuid() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function dbName(user) {
  return `tikar-${user.username}-${user.village_code}`;
}

function schema(db) {
  // Version 1. An app update that needs another index adds db.version(2).stores({...}) (with an
  // .upgrade() when data must move): Dexie upgrades in place and never drops a table that is
  // still declared, so unsent data survives every update.
  const stores = {
    // op_id: primary key; created_at: upload order; [kind+id]: "has this record an unsent op?"
    outbox: "op_id, created_at, [kind+id]",
    // key → value: cursor, reference, device_id, last_sync, snapshot_done, persisted
    meta: "key",
  };
  for (const kind of KINDS) {
    // id: primary; state: counters; fields.*: the screens' lookups (a target's months, a
    // household's members).
    stores[kind] = MONTHLY.has(kind)
      ? "id, state, fields.target, fields.month"
      : "id, state, fields.household, fields.mother";
  }
  db.version(1).stores(stores);
}

class Store {
  constructor(db, user) {
    this.db = db;
    this.user = user;
    this.listeners = new Set();
    this.meta = {
      get: async (key) => (await db.table("meta").get(key))?.value ?? null,
      set: async (key, value) => {
        await db.table("meta").put({ key, value });
      },
    };
  }

  table(kind) {
    if (!KINDS.includes(kind)) throw new Error(`unknown kind ${kind}`);
    return this.db.table(kind);
  }

  onChange(cb) {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  changed() {
    for (const cb of this.listeners) {
      try {
        cb();
      } catch (e) {
        console.error(e);
      }
    }
  }

  async get(kind, id) {
    if (!id) return null;
    return (await this.table(kind).get(id)) ?? null;
  }

  async all(kind) {
    return (await this.table(kind).toArray()).filter((r) => !r.deleted);
  }

  async where(kind, field, value) {
    const rows = await this.table(kind).where(`fields.${field}`).equals(value).toArray();
    return rows.filter((r) => !r.deleted);
  }

  async save(kind, fields, { id = null, baseVersion = null } = {}) {
    const table = this.table(kind);
    const recordId = id || fields.id || uuid();
    const clean = { ...fields };
    delete clean.id;
    const now = new Date().toISOString();
    let saved;
    await this.db.transaction("rw", table, this.db.table("outbox"), async () => {
      const existing = await table.get(recordId);
      const merged = { ...(existing?.fields || {}), ...clean };
      const version = existing ? existing.version : baseVersion;
      saved = {
        id: recordId,
        kind,
        fields: merged,
        version: version ?? null,
        change_seq: existing?.change_seq ?? null,
        state: "unsent",
        reason: null,
        errors: null,
        deleted: false,
        updated_at: now,
        // the snapshot's summary of older records (sync.js), kept across local edits
        ...(existing?.before_window ? { before_window: existing.before_window } : {}),
      };
      await table.put(saved);
      await this._enqueue(kind, "upsert", recordId, merged, version ?? null, now);
    });
    this.changed();
    return saved;
  }

  async _enqueue(kind, action, id, fields, baseVersion, now) {
    const outbox = this.db.table("outbox");
    const pending = await outbox.where("[kind+id]").equals([kind, id]).sortBy("created_at");
    const last = pending[pending.length - 1];
    // Fold into the last operation only if it was never attempted: once sent, the server may
    // have applied it (a lost answer), and its op_id then stands for exactly what it carried.
    if (last && last.tries === 0 && last.action === action) {
      await outbox.update(last.op_id, { fields: action === "delete" ? null : fields });
      return last.op_id;
    }
    const op = {
      op_id: uuid(),
      kind,
      action,
      id,
      base_version: baseVersion,
      fields: action === "delete" ? null : fields,
      created_at: now,
      tries: 0,
      last_error: null,
    };
    await outbox.add(op);
    return op.op_id;
  }

  async remove(kind, id) {
    const table = this.table(kind);
    const outbox = this.db.table("outbox");
    await this.db.transaction("rw", table, outbox, async () => {
      const existing = await table.get(id);
      if (!existing) return;
      const pending = await outbox.where("[kind+id]").equals([kind, id]).toArray();
      const serverNeverSaw = existing.version == null && pending.every((op) => op.tries === 0);
      if (serverNeverSaw) {
        await outbox.bulkDelete(pending.map((op) => op.op_id));
        await table.delete(id);
        return;
      }
      const now = new Date().toISOString();
      await table.put({ ...existing, deleted: true, state: "unsent", updated_at: now });
      await this._enqueue(kind, "delete", id, null, existing.version ?? null, now);
    });
    this.changed();
  }

  async status(kind, id) {
    const rec = await this.get(kind, id);
    if (!rec) return { state: "unsent", reason: null };
    return { state: rec.state, reason: rec.reason ?? null };
  }

  /** Records with at least one operation waiting in the outbox. */
  async unsentCount() {
    const ops = await this.db.table("outbox").toArray();
    return new Set(ops.map((op) => `${op.kind}:${op.id}`)).size;
  }

  async checkCount() {
    let n = 0;
    for (const kind of KINDS) n += await this.table(kind).where("state").equals("check").count();
    return n;
  }

  async outbox() {
    return this.db.table("outbox").orderBy("created_at").toArray();
  }

  async hasPending(kind, id) {
    return (await this.db.table("outbox").where("[kind+id]").equals([kind, id]).count()) > 0;
  }

  async deviceId() {
    let id = await this.meta.get("device_id");
    if (!id) {
      id = uuid().slice(0, 8);
      await this.meta.set("device_id", id);
    }
    return id;
  }

  /** Ask the browser to keep this origin's data under storage pressure. Stored in meta
   * "persisted" (true/false, null when the browser has no such API). */
  async askPersistence() {
    let persisted = null;
    try {
      if (navigator.storage?.persist) {
        persisted = (await navigator.storage.persisted()) || (await navigator.storage.persist());
      }
    } catch {
      persisted = false;
    }
    await this.meta.set("persisted", persisted);
    return persisted;
  }

  close() {
    this.db.close();
  }
}

/** Open (creating or upgrading) the database of `user` = {username, village_code}. */
export async function openStore(user) {
  if (!user?.username || !user?.village_code) throw new Error("openStore needs username and village_code");
  const db = new Dexie(dbName(user));
  schema(db);
  await db.open();
  return new Store(db, user);
}

/** Delete the database of `user` (logout with nothing unsent). */
export async function deleteStore(user) {
  await Dexie.delete(dbName(user));
}
