// What the screens know about the phone's data: the store of db.js (helper D1), the rules of
// rules.js (C2) and the WHO engine of who2006.js (C1), reached through one object `app` that
// app.js fills at start. Records are handled as plain field objects with their `id`
// (`{id, ...fields}`), whatever envelope db.js keeps them in.

import { addMonths, monthEnd, parseDay, ageOn } from "./ui.js";

export const app = {
  store: null, // db.js openStore(user)
  sync: null, // sync.js module
  rules: null, // rules.js module (null until its JSON is loaded)
  who: null, // who2006.js module (null until its tables are loaded)
  reference: {}, // {user, village, posyandu: [...], today}
  today: null, // "YYYY-MM-DD"
  config: null, // the shell's config {user: {..., kbm_table, mat_cutoffs}, urls}
  weighing: null, // weighing.js module (null until rules.json is loaded)
  growth: null, // rules.json's `growth` (KBM tables, balita months, KEK, immunisation)
};

/** The KBM table of the user's kabupaten (the shell's config), else the default. */
export function kbmTable() {
  return app.config?.user?.kbm_table || app.growth?.kbm_default || null;
}

export const MONTHLY = { "2a": "pregnancy_visit", "2b": "child_visit", "2c": "paud_record" };

/** A store record as `{id, ...fields}` (db.js may keep fields under `.fields`). */
export function flat(rec) {
  if (!rec) return null;
  if (rec.fields && typeof rec.fields === "object") return { ...rec.fields, id: rec.id ?? rec.fields.id };
  return rec;
}

export async function all(kind) {
  const rows = (await app.store.all(kind)) || [];
  return rows.map(flat).filter((r) => r && !r.deleted && !r._deleted);
}

export async function get(kind, id) {
  if (!id) return null;
  const r = flat(await app.store.get(kind, id));
  return r && !r.deleted && !r._deleted ? r : null;
}

/** Save: creates (no id) or updates a record; returns `{id, ...fields}`. */
export async function save(kind, fields, existing) {
  const opts = {};
  if (existing?.id) opts.id = existing.id;
  else if (fields.id) opts.id = fields.id;
  if (existing) opts.baseVersion = existing.version ?? existing._version ?? null;
  const body = { ...fields };
  delete body.id;
  delete body.version;
  const saved = flat(await app.store.save(kind, body, opts));
  return saved || { ...body, id: opts.id };
}

/** The snapshot's `before_window` summary of a child or pregnancy (what its records older than
 * the phone's months say; sync.js keeps it beside the fields, docs/offline.md "Snapshot"), or
 * null. */
export async function beforeWindowOf(kind, id) {
  try {
    return (await app.store.get(kind, id))?.before_window || null;
  } catch {
    return null;
  }
}

/** Whether `before` (a child's `before_window`) says the child was weighed before `month`
 * ("YYYY-MM-01"): then its first weighing on the phone is not B (weighing.js weighedBefore). */
export function weighedBeforeMonth(before, month) {
  const weighed = before?.weighed;
  return Boolean(weighed && month && String(weighed).slice(0, 7) < String(month).slice(0, 7));
}

/** {state: "unsent"|"sent"|"check", reason} of a record (db.js). */
export async function status(kind, id) {
  try {
    return (await app.store.status(kind, id)) || { state: "sent", reason: null };
  } catch {
    return { state: "sent", reason: null };
  }
}

export const targetOf = (r) => r.target ?? r.pregnancy ?? r.child;

// -- cohort rules: rules.js's when present (one source with the server), else the same reading
// of tikar/monitoring/rules.py written here so the list still opens before rules.json arrived.

const POSTNATAL_DAYS = 42;

function ageMonths(birth, day) {
  return ageOn(birth, day).months;
}

export function pregnancyNeedsRecord(preg, month) {
  if (app.rules?.pregnancyNeedsRecord) return app.rules.pregnancyNeedsRecord(preg.delivery_date ?? null, month);
  const d = preg.delivery_date;
  if (!d || parseDay(month) < parseDay(d)) return true;
  return (parseDay(month) - parseDay(d)) / 86400000 <= POSTNATAL_DAYS;
}

/** The forms ("2b", "2c") a child needs in `month` (rules.child_forms_for_month). */
export function formsForMonth(child, month) {
  if (app.rules?.formsForMonth) return [...app.rules.formsForMonth(child, month)];
  const last = monthEnd(month);
  if (parseDay(child.birth_date) > parseDay(last)) return [];
  const first = parseDay(month) > parseDay(child.birth_date) ? month : child.birth_date;
  const out = [];
  for (const [form, lo, hi] of [
    ["2b", 0, 24],
    ["2c", 24, 72],
  ]) {
    if (ageMonths(child.birth_date, last) >= lo && ageMonths(child.birth_date, first) < hi) out.push(form);
  }
  return out;
}

/** Whether a target is followed in `month` at all (queries.active_pregnancies/children). */
export function activeIn(kind, target, month) {
  if (target.closed_at && parseDay(target.closed_at) < parseDay(month)) return false;
  if (kind === "pregnancy") {
    if (target.delivery_date) {
      const limit = parseDay(month) - POSTNATAL_DAYS * 86400000;
      if (parseDay(target.delivery_date) < limit) return false;
    }
    return pregnancyNeedsRecord(target, month);
  }
  return (
    parseDay(target.birth_date) <= parseDay(monthEnd(month)) &&
    parseDay(target.birth_date) > parseDay(addMonths(month, -72))
  );
}

/** The last 6 months, newest first (what the phone holds), as "YYYY-MM-01". */
export function recentMonths() {
  const current = `${app.today.slice(0, 7)}-01`;
  return [0, -1, -2, -3, -4, -5].map((n) => addMonths(current, n));
}

export function posyanduList() {
  return app.reference.posyandu || [];
}

export function posyanduName(id) {
  if (id === null || id === undefined || id === "") return "";
  const p = posyanduList().find((x) => String(x.id) === String(id));
  return p ? p.name : "";
}
