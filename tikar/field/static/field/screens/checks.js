// The checks before a save: rules.js checkRecord (helper C2: the server's rules as data, the
// same Indonesian messages), and the boxes that show its errors and warnings. Without rules.js
// loaded yet only the required answers are checked here; the server checks everything again.

import { app } from "./data.js";
import { h, t } from "./ui.js";

/** The fields a client may send for each register kind (tikar/api/serializers.py). */
export const editable = {
  household: ["head_name", "dusun", "rt", "rw", "address", "posyandu", "safe_water", "latrine", "vulnerable"],
  mother: ["household", "name", "nik", "birth_date", "phone"],
  pregnancy: [
    "mother",
    "kia_number",
    "due_date",
    "gestation_month",
    "risk_status",
    "delivery_date",
    "health_insurance",
    "posyandu",
  ],
  child: [
    "household",
    "mother",
    "born_from",
    "name",
    "sex",
    "birth_date",
    "nik",
    "temp_number",
    "kia_number",
    "birth_certificate",
    "health_insurance",
    "posyandu",
  ],
};

/** Only the editable fields of a stored register record (for an update). */
export function editableOf(kind, record) {
  const out = {};
  for (const n of editable[kind]) if (record[n] !== undefined) out[n] = record[n];
  return out;
}

const REQUIRED = {
  household: { head_name: "Write the name of the head of household." },
  mother: { name: "Write the mother's name." },
  child: { name: "Write the child's name.", sex: "Choose the child's sex.", birth_date: "Fill the birth date." },
  paud_record: { status: "Choose the PAUD status of this month." },
};

/** {errors: {field: [..]}, warnings: [{field, code, message}]} for a record about to be saved. */
export function checkFields(kind, fields, ctx) {
  let errors = {};
  let warnings = [];
  if (app.rules?.checkRecord) {
    try {
      const res = app.rules.checkRecord(kind, fields, ctx) || {};
      errors = { ...(res.errors || {}) };
      warnings = [...(res.warnings || [])];
    } catch (err) {
      console.error("checkRecord", err);
    }
  }
  // An unanswered required question gets the online form's sentence ("Tulis nama anak."), not
  // the API's generic one ("Kolom ini tidak boleh kosong.", '"" bukan pilihan…').
  for (const [name, message] of Object.entries(REQUIRED[kind] || {})) {
    const v = fields[name];
    if (v === null || v === undefined || String(v).trim() === "") errors[name] = [t(message)];
  }
  return { errors, warnings };
}

export function problemsBox(title, loose) {
  return h(
    "div",
    { class: "error", role: "alert" },
    title,
    loose && loose.length ? h("ul", {}, loose.map((m) => h("li", {}, m))) : null,
  );
}

export function warningsBox(warnings) {
  return h(
    "div",
    { class: "warnbox", role: "alert", "data-testid": "warnings" },
    h("ul", {}, warnings.map((w) => h("li", {}, w.message))),
  );
}
