// WHO Child Growth Standards 2006 on the phone: z-scores, flags, Permenkes categories, status gizi.
//
// A line-by-line mirror of the server's engine, tikar/growth/who2006.py (compute, score_one),
// of the status gizi of tikar/monitoring/rules.py (nutrition_status, is_unjudged,
// status_labels) and of what ChildVisit.save stores (tikar/monitoring/models.py). The numbers
// must be IDENTICAL to the server's, so every operation below is the same IEEE double
// operation, in the same order, as numpy's:
//   - np.round(x, d) is rint(x * 10**d) / 10**d with rint rounding halves to even: not
//     Math.round (halves up) and not toFixed (decimal rounding of the exact binary value);
//   - (x / 100) ** 2 is numpy's square, x * x;
//   - a + b + c is (a + b) + c, as numpy evaluates it.
// The tables, constants and labels come from /lapangan/data/who2006.json, which the server
// builds from the same files and Python constants (tikar/field/tables.py): one source.
// tikar/field/tests/test_who2006_js*.py checks JS == Python on the igrowup survey, the edge
// cases and thousands of random rows.
//
// No dependencies, no build step: an ES module.

let active = null; // the tables of the last loadTables()

export const MALE = 1;
export const FEMALE = 2;
export const UNKNOWN_POSITION = 0;
export const LYING = 1;
export const STANDING = 2;

const SEX_CODES = { 1: MALE, m: MALE, 2: FEMALE, f: FEMALE };
const POSITION_CODES = { l: LYING, h: STANDING };
const OEDEMA_CODES = { y: 1, 1: 1 };
// who2006.round_half_up: absorbs binary error in months x 30.4375 (a .5 day that came out as
// .49999999999); far below any age a user can enter.
const HALF_UP_EPSILON = 1e-9;
// who2006._by_length: the row position is rounded to 1e-6 of a row before flooring.
const ROW_DECIMALS = 6;
// who2006.round2: z-scores are published, flagged and categorised to 2 decimals.
const Z_DECIMALS = 2;

// ------------------------------------------------------------------------------------------
// Tables

/**
 * Decode /lapangan/data/who2006.json (format 1) and make it the engine's tables.
 *
 * Each L/M/S column is a list of integers scaled by 10**scale, delta-coded. n / 10**scale is
 * one correctly rounded division of two exact integers: the same double as parsing the
 * decimal text of WHO's file, which is what the server's numpy loader holds.
 *
 * @param {object} json the parsed document
 * @returns {object} the engine's tables ({constants, labels, tables, version}); also kept as
 *   the module's active tables for compute() / scoreOne() / scoreVisit()
 * @throws {Error} on an unknown format
 */
export function loadTables(json) {
  if (!json || json.format !== 1) {
    throw new Error("who2006.json: unknown format " + (json && json.format));
  }
  const tables = {};
  for (const [name, t] of Object.entries(json.tables)) {
    const sex = [null, null, null]; // index = sex code; row 0 unused like the server's
    for (const code of ["1", "2"]) {
      const params = t.sex[code].map((deltas, i) => {
        const divisor = 10 ** t.scale[i];
        const out = new Float64Array(deltas.length);
        let n = 0;
        for (let k = 0; k < deltas.length; k++) {
          n += deltas[k]; // exact: integers far below 2**53
          out[k] = n / divisor;
        }
        return out;
      });
      sex[Number(code)] = { l: params[0], m: params[1], s: params[2] };
    }
    tables[name] = {
      name,
      first: t.first,
      last: t.last,
      step: t.step,
      start: t.start,
      size: sex[1].l.length,
      sex,
    };
  }
  active = { version: json.version, constants: json.constants, labels: json.labels, tables };
  return active;
}

function engine() {
  if (!active) throw new Error("who2006.js: call loadTables(json) first");
  return active;
}

/** The decoded L, M, S arrays of one table and sex (for tests and charts). */
export function tableColumns(name, sex) {
  const t = engine().tables[name];
  const p = t.sex[sex];
  return { first: t.first, last: t.last, step: t.step, l: Array.from(p.l), m: Array.from(p.m), s: Array.from(p.s) };
}

// ------------------------------------------------------------------------------------------
// Arithmetic that must match numpy bit for bit

/** numpy's rint: to the nearest integer, halves to even. */
function rint(y) {
  if (!Number.isFinite(y)) return y;
  const f = Math.floor(y);
  const d = y - f; // exact for every double
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** np.round(x, decimals) for decimals >= 0: rint(x * 10**d) / 10**d. */
export function roundDecimals(x, decimals) {
  if (Number.isNaN(x)) return NaN;
  const factor = 10 ** decimals;
  return rint(x * factor) / factor;
}

/** who2006.round_half_up: whole days, halves up (100.5 -> 101). */
function roundHalfUp(days) {
  return Math.floor(days + 0.5 + HALF_UP_EPSILON);
}

// ------------------------------------------------------------------------------------------
// Input normalisation (who2006._to_float, who2006._codes)

/** A number, or NaN for missing (null, undefined, "", NaN, text that is not a number). */
function toFloat(value) {
  if (value === null || value === undefined) return NaN;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  const text = String(value).trim();
  if (text === "") return NaN;
  const n = Number(text);
  return n; // NaN for text that is not a number (the server refuses it earlier)
}

/** A free-text code (sex, position, oedema) as its small integer; 0 when unknown. */
function toCode(value, mapping) {
  if (value === null || value === undefined) return 0;
  if (typeof value === "number" || typeof value === "boolean") {
    // Numbers are matched on their integer value (1, 1.0 and true mean the same).
    const n = Number(value);
    for (const [key, code] of Object.entries(mapping)) {
      if (/^\d+$/.test(key) && n === Number(key)) return code;
    }
    return 0;
  }
  let key = String(value).trim().toLowerCase();
  if (key.endsWith(".0") && /^\d+$/.test(key.slice(0, -2))) key = key.slice(0, -2);
  return Object.prototype.hasOwnProperty.call(mapping, key) ? mapping[key] : 0;
}

// ------------------------------------------------------------------------------------------
// LMS arithmetic (who2006._lms_z, sd_value, _restrict, _by_age, _by_length)

function lmsZ(y, l, m, s) {
  if (l === 0) return Math.log(y / m) / s;
  return (Math.pow(y / m, l) - 1.0) / (s * l);
}

/** The measurement at k SD: M (1 + L S k)^(1/L). */
export function sdValue(k, l, m, s) {
  if (l === 0) return m * Math.exp(s * k);
  return m * Math.pow(1.0 + l * s * k, 1.0 / l);
}

/** WHO's restricted LMS beyond +-3 SD (weight-based indicators and arm circumference). */
function restrict(z, y, l, m, s) {
  if (z > 3.0) {
    const sd3 = sdValue(3.0, l, m, s);
    const sd2 = sdValue(2.0, l, m, s);
    return 3.0 + (y - sd3) / (sd3 - sd2);
  }
  if (z < -3.0) {
    const sdm3 = sdValue(-3.0, l, m, s);
    const sdm2 = sdValue(-2.0, l, m, s);
    return -3.0 + (y - sdm3) / (sdm2 - sdm3);
  }
  return z;
}

const NO_LMS = [NaN, NaN, NaN];

/** L, M, S by sex and whole day; NaN outside the table or when !ok. */
function byAge(table, sex, age, ok) {
  if (!(ok && age >= table.first && age <= table.last)) return NO_LMS;
  const p = table.sex[sex];
  const row = age - table.first;
  return [p.l[row], p.m[row], p.s[row]];
}

/** L, M, S interpolated between the 0.1 cm rows around `length`; NaN outside the table. */
function byLength(table, sex, length, ok) {
  if (!(ok && length >= table.first && length <= table.last)) return NO_LMS;
  const pos = roundDecimals((length - table.start) / table.step, ROW_DECIMALS);
  let lo = Math.floor(pos);
  const frac = pos - lo;
  lo = Math.min(lo, table.size - 1);
  const hi = Math.min(lo + 1, table.size - 1); // at the last row frac is 0
  const p = table.sex[sex];
  return [p.l, p.m, p.s].map((param) => {
    const a = param[lo];
    const b = param[hi];
    return a + (b - a) * frac;
  });
}

function zFrom(y, lms, restricted) {
  const [l, m, s] = lms;
  const z = lmsZ(y, l, m, s);
  return restricted ? restrict(z, y, l, m, s) : z;
}

// ------------------------------------------------------------------------------------------
// compute: who2006.compute, one object per row

function nullIfNaN(x) {
  return Number.isNaN(x) ? null : x;
}

function categoryIndex(cuts, z) {
  if (Number.isNaN(z)) return -1;
  let index = 0;
  for (const [cut, closedBelow] of cuts) {
    if (closedBelow ? z > cut : z >= cut) index += 1;
  }
  return index;
}

function scoreRow(row, e) {
  const c = e.constants;
  const T = e.tables;
  const DPM = c.days_per_month;

  // Rule 1: sex.
  const sex = toCode(row.sex, SEX_CODES);
  const sexOk = sex > 0;

  // Rule 2: age in whole days, half up; the unrounded months test the 60- and 9-month rules.
  let days = toFloat(row.age_days);
  let exactMonths = days / DPM;
  if (Number.isNaN(days)) {
    const months = toFloat(row.age_months);
    days = months * DPM;
    exactMonths = months;
  }
  const age = roundHalfUp(days);
  const hasAge = !Number.isNaN(age);
  const ageOk = hasAge && days >= 0 && exactMonths < c.max_age_months;
  const inScope = sexOk && (ageOk || !hasAge);

  // Rule 3: standing under 9 months is treated as position unknown.
  let position = toCode(row.measure, POSITION_CODES);
  const tooYoung = ageOk && exactMonths < c.standing_min_months;
  const positionWarning = position === STANDING && tooYoung;
  if (positionWarning) position = UNKNOWN_POSITION;

  // Rule 7: zero or less is missing.
  let w = toFloat(row.weight);
  let h = toFloat(row.lenhei);
  if (w <= 0) w = NaN;
  if (h <= 0) h = NaN;

  // Rule 4: the 0.7 cm rule on the rounded age; only moved lengths are rounded.
  const add = hasAge && age < c.height_from_days && position === STANDING;
  const sub = hasAge && age >= c.height_from_days && position === LYING;
  let clenhei = h + (add ? c.lying_standing_diff_cm : 0.0) - (sub ? c.lying_standing_diff_cm : 0.0);
  if (add || sub) clenhei = roundDecimals(clenhei, c.length_decimals);

  // Rule 5: BMI on the adjusted length.
  const metres = clenhei / 100.0;
  const cbmi = w / (metres * metres);

  // Rule 6: oedema.
  const oedema = toCode(row.oedema, OEDEMA_CODES) > 0;

  const raw = {};
  const ageRows = sexOk && ageOk;
  raw.len = zFrom(clenhei, byAge(T.len, sex, age, ageRows), false);
  let hc = toFloat(row.headc);
  if (hc <= 0) hc = NaN;
  raw.hc = zFrom(hc, byAge(T.hc, sex, age, ageRows), false);

  const weightRows = ageRows && !oedema;
  raw.wei = zFrom(w, byAge(T.wei, sex, age, weightRows), true);

  // Rule 8: weight-for-length or weight-for-height; no fall-back between them.
  let usesWfl;
  if (hasAge) usesWfl = age < c.height_from_days;
  else if (position === LYING) usesWfl = true;
  else if (position === STANDING) usesWfl = false;
  else usesWfl = clenhei < c.wfl_by_length_below_cm;
  const wflRows = inScope && !oedema;
  raw.wfl = zFrom(w, byLength(usesWfl ? T.wfl : T.wfh, sex, clenhei, wflRows), true);

  raw.bmi = zFrom(cbmi, byAge(T.bmi, sex, age, weightRows), true);

  let ac = toFloat(row.armc);
  if (ac <= 0) ac = NaN;
  raw.ac = zFrom(ac, byAge(T.ac, sex, age, ageRows), true);

  const out = {
    sex,
    position,
    oedema,
    uses_wfl: usesWfl,
    age_days: hasAge ? age : null,
    age_months: hasAge ? exactMonths : null,
    age_completed_months: hasAge ? Math.floor(age / DPM) : null,
    position_warning: positionWarning,
    clenhei: nullIfNaN(clenhei),
    cbmi: nullIfNaN(cbmi),
  };
  for (const ind of c.indicators) {
    // Rules 9 and 10: round as WHO publishes; flags and categories use the rounded value.
    const rounded = roundDecimals(raw[ind], Z_DECIMALS);
    const [low, high] = c.flag_limits[ind];
    out["z" + ind] = nullIfNaN(rounded);
    out["z" + ind + "_unrounded"] = nullIfNaN(raw[ind]);
    out["f" + ind] = Number.isNaN(rounded) ? null : rounded < low || rounded > high ? 1 : 0;
    const codes = c.category_codes[ind];
    if (codes) {
      const index = categoryIndex(c.category_cuts[ind], rounded);
      const code = index < 0 ? null : codes[index];
      out["cat_" + ind] = code;
      out["label_" + ind] = code === null ? null : e.labels.category[ind][code];
    }
  }
  return out;
}

/**
 * Score many records: who2006.compute, one result object per input row.
 *
 * @param {Array<object>} rows each {sex, age_days, age_months, weight, lenhei, measure, headc,
 *   armc, oedema}: sex 1/2 or m/f, ages in days or months (days win), kg, cm, measure l/h,
 *   oedema y/n (or 1/0); null/undefined/"" = missing.
 * @returns {Array<object>} per row: age_days (whole days or null), age_months (unrounded),
 *   age_completed_months, position_warning, clenhei, cbmi, uses_wfl, sex, position, oedema,
 *   and for ind in len wei wfl bmi hc ac: z<ind> (2 decimals), z<ind>_unrounded, f<ind>
 *   (0/1), and for len wei wfl bmi cat_<ind> (code) and label_<ind> (Permenkes wording);
 *   null where there is no value. These are score_one's keys.
 */
export function compute(rows) {
  const e = engine();
  return rows.map((row) => scoreRow(row, e));
}

/** who2006.score_one: one record with score_one's arguments; booleans for oedema accepted. */
export function scoreOne({ sex, age_days, age_months, weight, lenhei, measure, headc, armc, oedema }) {
  if (oedema === true) oedema = "y";
  else if (oedema === false) oedema = "n";
  return compute([{ sex, age_days, age_months, weight, lenhei, measure, headc, armc, oedema }])[0];
}

// ------------------------------------------------------------------------------------------
// Status gizi (tikar/monitoring/rules.py)

export const STUNTING = "stunting";
export const GIZI_BURUK = "gizi_buruk";
export const GIZI_KURANG = "gizi_kurang";

/** rules.is_unjudged: a WHO flag on length, or (without oedema) on weight, hides the status. */
export function isUnjudged(flen, fwei, fwfl, oedema) {
  if (flen) return true;
  return !oedema && Boolean(fwei || fwfl);
}

/** rules.nutrition_status: the status codes (array, in rules' order) of a score. */
export function nutritionStatus(score, oedema) {
  const status = [];
  if (isUnjudged(score.flen, score.fwei, score.fwfl, oedema)) status.push(engine().labels.unjudged[0]);
  const zlen = score.zlen;
  const zwfl = score.zwfl;
  if (zlen !== null && zlen !== undefined && !score.flen && zlen < -2) status.push(STUNTING);
  if (oedema) status.push(GIZI_BURUK);
  else if (zwfl !== null && zwfl !== undefined && !score.fwfl) {
    if (zwfl < -3) status.push(GIZI_BURUK);
    else if (zwfl < -2) status.push(GIZI_KURANG);
  }
  return status;
}

/** rules.status_labels: the Indonesian words of a status; ["Normal"] for a judged status. */
export function statusLabels(status) {
  const { labels } = engine();
  const words = labels.status.filter(([code]) => status.includes(code)).map(([, word]) => word);
  const [unjudged, text] = labels.unjudged;
  if (status.includes(unjudged)) words.push(words.length ? "sebagian " + text.toLowerCase() : text);
  return words.length ? words : ["Normal"];
}

/** The status pills of the entry page (monitoring.views.status_words, in Indonesian). */
export function statusWords(status) {
  const { labels } = engine();
  const order = [...labels.status, labels.unjudged];
  return order.filter(([code]) => status.includes(code)).map(([, word]) => word);
}

// ------------------------------------------------------------------------------------------
// One child visit (Formulir 2b), as ChildVisit.save stores it

function dayNumber(text) {
  if (!text) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text));
  if (!match) return null;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86400000;
}

function boolFlag(flag) {
  return flag === null ? null : Boolean(flag);
}

/**
 * Score a child visit exactly as the server stores it (ChildVisit.score/compute_growth).
 *
 * @param {object} v {sex: "L" | "P" (the child's; anything but "L" scores as female, as the
 *   server does), birth_date, visit_date ("YYYY-MM-DD"), weight_kg, length_cm,
 *   head_circumference_cm, muac_cm (numbers or decimal strings, null = not measured),
 *   measured_lying (true lying, false standing, null unknown), oedema (true/false/null)}
 * @returns {object} the stored fields: age_days, position_warning, adjusted_length_cm, bmi,
 *   z<ind>, z<ind>_unrounded, f<ind> (true/false/null) for len wei wfl bmi hc ac, cat_<ind>
 *   ("" when none) for len wei wfl bmi, is_stunting, is_gizi_buruk, is_gizi_kurang, weighed,
 *   measured; plus unjudged, status (codes), status_labels (rules.status_labels),
 *   status_words (the entry page's pills), has_status (a status could be judged from length
 *   or weight-for-length), category_labels {len, wei, wfl, bmi: Permenkes words or null},
 *   rows (the entry page's z table: {ind, label, z, category, flagged, low}) and
 *   age_completed_months.
 */
export function scoreVisit({
  sex,
  birth_date,
  visit_date,
  weight_kg,
  length_cm,
  measured_lying,
  head_circumference_cm,
  muac_cm,
  oedema,
}) {
  const { constants, labels } = engine();
  const born = dayNumber(birth_date);
  const visited = dayNumber(visit_date);
  const ageDays = visited === null || born === null ? null : visited - born;
  const measure = measured_lying === true ? "l" : measured_lying === false ? "h" : null;
  const num = (x) => (x === null || x === undefined || x === "" ? null : toFloat(x));
  const score = scoreOne({
    sex: sex === "L" ? "1" : "2",
    age_days: ageDays,
    weight: num(weight_kg),
    lenhei: num(length_cm),
    measure,
    headc: num(head_circumference_cm),
    armc: num(muac_cm),
    oedema: oedema === true ? "y" : oedema === false ? "n" : "",
  });
  const hasOedema = oedema === true;
  const status = nutritionStatus(score, hasOedema);
  const out = {
    age_days: score.age_days,
    age_completed_months: score.age_completed_months,
    position_warning: score.position_warning,
    adjusted_length_cm: score.clenhei,
    bmi: score.cbmi,
  };
  for (const ind of constants.indicators) {
    out["z" + ind] = score["z" + ind];
    out["z" + ind + "_unrounded"] = score["z" + ind + "_unrounded"];
    out["f" + ind] = boolFlag(score["f" + ind]);
  }
  const categoryLabels = {};
  for (const ind of Object.keys(constants.category_codes)) {
    out["cat_" + ind] = score["cat_" + ind] || "";
    categoryLabels[ind] = score["label_" + ind];
  }
  out.is_stunting = status.includes(STUNTING);
  out.is_gizi_buruk = status.includes(GIZI_BURUK);
  out.is_gizi_kurang = status.includes(GIZI_KURANG);
  out.weighed = num(weight_kg) !== null;
  out.measured = num(length_cm) !== null;
  out.unjudged = isUnjudged(score.flen, score.fwei, score.fwfl, hasOedema);
  out.status = status;
  out.status_labels = statusLabels(status);
  out.status_words = statusWords(status);
  out.has_status = score.zlen !== null || score.zwfl !== null;
  out.category_labels = categoryLabels;
  out.rows = labels.z
    .filter(([ind]) => score["z" + ind] !== null)
    .map(([ind, label]) => {
      const z = score["z" + ind];
      return {
        ind,
        label,
        z,
        category: score["label_" + ind] || "",
        flagged: Boolean(score["f" + ind]),
        low: z < -2,
      };
    });
  return out;
}

// ------------------------------------------------------------------------------------------
// Growth warnings: what the KPM is asked to confirm (rules.growth_warnings)

/**
 * Python's f"{x:.{places}f}" with a decimal comma (rules.id_decimal): the exact binary value
 * rounded, an exact tie to even. toFixed rounds an exact tie up, so a tie is detected on the
 * exact expansion (a double needs far fewer than 25 more digits to show it is not a tie at
 * these magnitudes) and rounded to even by hand.
 */
export function idDecimal(value, places) {
  const x = Number(value);
  let text = x.toFixed(places);
  const long = Math.abs(x).toFixed(Math.min(places + 25, 100));
  const rest = long.slice(long.indexOf(".") + 1 + places);
  if (/^50*$/.test(rest)) {
    const digits = long.slice(0, long.indexOf(".") + 1 + places);
    const last = Number(digits.replace(".", "").slice(-1));
    if (last % 2 === 0) text = (x < 0 ? "-" : "") + (places ? digits : digits.slice(0, -1));
  }
  // Python keeps the sign of a negative zero ("-0.00"); toFixed drops it.
  if (!text.startsWith("-") && (Object.is(x, -0) || (x < 0 && /^[0.]+$/.test(text)))) text = "-" + text;
  return text.replace(".", ",");
}

/** rules.day_label: "5 Maret 2026" from "2026-03-05". */
export function dayLabel(day) {
  const [y, m, d] = String(day).split("-").map(Number);
  return `${d} ${engine().labels.months[m - 1]} ${y}`;
}

/**
 * rules.growth_warnings: the questions asked before a measurement is stored.
 *
 * @param {object} score a scoreVisit() or scoreOne() result (flags true/1, z, position_warning)
 * @param {object} [previous] {length_cm, previous_length_cm, previous_date ("YYYY-MM-DD")}:
 *   this visit's length and the child's latest earlier measured visit (the server takes the
 *   alive ChildVisit with an earlier month and a length, latest month first)
 * @returns {Array<{field: string, code: string, message: string}>} in the server's order and
 *   words. The server attaches them to a save only when a length is measured
 *   (services._growth_warnings); its entry page shows them whenever weight or length is typed.
 */
export function growthWarnings(score, { length_cm = null, previous_length_cm = null, previous_date = null } = {}) {
  const { labels } = engine();
  const out = [];
  for (const ind of ["len", "wei", "wfl", "bmi", "hc", "ac"]) {
    if (score["f" + ind]) {
      out.push({
        field: ind === "len" ? "length_cm" : "weight_kg",
        code: `z${ind}_flagged`,
        message:
          `Nilai ${labels.growth[ind]} (z = ${idDecimal(score["z" + ind], 2)}) di luar batas wajar WHO. ` +
          "Periksa lagi angka timbangan/ukuran, tanggal lahir dan jenis kelamin.",
      });
    }
  }
  if (score.position_warning) {
    out.push({
      field: "measured_lying",
      code: "standing_under_9_months",
      message:
        "Anak di bawah 9 bulan diukur berdiri? Bayi diukur terlentang (panjang badan). " +
        "Periksa cara ukur.",
    });
  }
  const present = (x) => x !== null && x !== undefined && x !== "";
  if (present(length_cm) && present(previous_length_cm) && Number(length_cm) < Number(previous_length_cm)) {
    const when = previous_date ? ` (${dayLabel(previous_date)})` : "";
    out.push({
      field: "length_cm",
      code: "length_shrank",
      message:
        `Panjang/tinggi ${idDecimal(length_cm, 1)} cm lebih kecil dari pengukuran ` +
        `sebelumnya${when}: ${idDecimal(previous_length_cm, 1)} cm. Anak tidak memendek; ` +
        "ukur ulang.",
    });
  }
  return out;
}
