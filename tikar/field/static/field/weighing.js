// The posyandu's judgement of each weighing on the phone: N / T / O / B, 2T and BGM.
//
// A line-by-line port of tikar/growth/weighing.py (spec/posyandu.md, "Weight-gain judgement of
// a weighing"; Buku KIA 2023); tikar/field/tests/test_pwa_weighing_agreement.py runs a table of
// cases (every boundary: exactly the KBM, 1 g under, a skipped month, month 0, an override,
// 2T across a skipped month, BGM at -3.00) through both and fails on any difference.
//
// The KBM tables are data: rules.json's `growth.kbm_tables` (tikar/growth/data/kbm.json, each
// with its source), loaded with loadKbm(); the kabupaten's choice comes with the shell's config
// (user.kbm_table). Weights are read in kg (number or string, "7,5" too) and compared in whole
// grams, rounded half up on the decimal text, never on a binary float, so 0.1 kg of float noise
// never flips N to T.
//
// Shapes (the Python dataclasses as plain objects, snake_case as on the wire):
//   Weighing:  {month: "YYYY-MM-01", age_months: int, weight_kg: number|string|null,
//               override_reason: string}
//   Judgement: {month, code: "N"|"T"|"O"|"B"|"", gain_g: int|null, kbm_g: int|null,
//               overridden: bool, two_t: bool}

export const N = "N";
export const T = "T";
export const O = "O";
export const B = "B";
export const CODES = [N, T, O, B];
export const BGM_BELOW_Z = -3.0;
export const MAX_AGE_MONTHS = 59;
export const GAIN_LABELS = {
  N: "N: naik",
  T: "T: tidak naik",
  O: "O: bulan lalu tidak ditimbang",
  B: "B: baru pertama kali ditimbang",
};

let TABLES = null;
let DEFAULT = null;

/** Keep the KBM tables of rules.json's `growth` ({kbm_default, kbm_tables}). */
export function loadKbm(growth) {
  TABLES = growth.kbm_tables;
  DEFAULT = growth.kbm_default;
  return TABLES;
}

export function kbmTables() {
  if (!TABLES) throw new Error("weighing.js: loadKbm(rules.growth) first");
  return TABLES;
}

export function defaultKbmTable() {
  kbmTables();
  return DEFAULT;
}

/** KBM in grams at `ageMonths` completed months from table `table`; null at month 0 (no
 * judgement) and outside 0-59 months. Throws for an unknown table (Python's KeyError). */
export function kbmGrams(ageMonths, table = null) {
  const t = kbmTables()[table ?? DEFAULT];
  if (!t) throw new Error(`unknown KBM table ${table}`);
  if (ageMonths < 1 || ageMonths > MAX_AGE_MONTHS) return null;
  return t.grams[Math.min(ageMonths, t.grams.length) - 1];
}

/** A weight in kg as whole grams (half up), or null when missing, unreadable or <= 0.
 * Exact decimal arithmetic on the text, as Python's Decimal(str(x)). */
export function grams(weightKg) {
  if (weightKg === null || weightKg === undefined || weightKg === "") return null;
  if (typeof weightKg === "number" && !Number.isFinite(weightKg)) return null;
  const text = String(weightKg).replace(/,/g, ".").trim().replace(/_/g, "");
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
  if (m[1] === "-") {
    // a negative (or -0) weight is no weight
    return null;
  }
  const intPart = m[2] || "";
  const frac = m[3] || "";
  // value = digits * 10^(exp - frac.length); grams = value * 1000
  let digits = BigInt((intPart + frac).replace(/^0+(?=\d)/, "") || "0");
  if (digits === 0n) return null;
  const shift = Number(m[4] || 0) - frac.length + 3;
  if (shift >= 0) return Number(digits * 10n ** BigInt(shift));
  const div = 10n ** BigInt(-shift);
  const whole = digits / div;
  const rest = digits % div;
  digits = rest * 2n >= div ? whole + 1n : whole;
  return Number(digits);
}

function judgement(month, code, gain = null, kbm = null, overridden = false, twoT = false) {
  return { month: month ?? null, code, gain_g: gain, kbm_g: kbm, overridden, two_t: twoT };
}

function previousMonth(month) {
  const [y, m] = month.split("-").map(Number);
  const p = (n, w) => String(n).padStart(w, "0");
  return m === 1 ? `${p(y - 1, 4)}-12-01` : `${p(y, 4)}-${p(m - 1, 2)}-01`;
}

/** Judge one weighing (the entry screen's live judgement uses this too); judge_one's rules. */
export function judgeOne(
  ageMonths,
  weightKg,
  lastMonthWeightKg,
  { weighedBefore, previousCode = "", overrideReason = "", table = null, month = null } = {},
) {
  const w = grams(weightKg);
  if (w === null) return judgement(month, "");
  if (!weighedBefore) return judgement(month, B);
  const last = grams(lastMonthWeightKg);
  if (last === null) return judgement(month, O);
  const gain = w - last;
  const kbm = kbmGrams(ageMonths, table);
  if (kbm === null) return judgement(month, O, gain);
  if (gain >= kbm) return judgement(month, N, gain, kbm);
  if ((overrideReason || "").trim()) return judgement(month, N, gain, kbm, true);
  return judgement(month, T, gain, kbm, false, previousCode === T);
}

/** Judge every month of one child, in month order (judge_series).
 *
 * `weighedBefore` (optional, judge_series's `weighed_before`): whether the child was weighed
 * before the first of `weighings`. The server passes every record of the child, so it never
 * needs it; the phone holds only the snapshot's months and sets it from the snapshot's
 * `before_window.weighed` (docs/offline.md "Snapshot"), so a child weighed before those months
 * is O there, never B. */
export function judgeSeries(weighings, table = null, { weighedBefore: earlier = false } = {}) {
  const ordered = [...weighings].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const weights = new Map();
  for (const w of ordered) if (grams(w.weight_kg) !== null) weights.set(w.month, w.weight_kg);
  const out = [];
  let weighedBefore = Boolean(earlier);
  let previousCode = "";
  for (const w of ordered) {
    const j = judgeOne(w.age_months, w.weight_kg, weights.get(previousMonth(w.month)) ?? null, {
      weighedBefore,
      previousCode,
      overrideReason: w.override_reason || "",
      table,
      month: w.month,
    });
    out.push(j);
    if (j.code) {
      weighedBefore = true;
      previousCode = j.code;
    }
  }
  return out;
}

/** Bawah garis merah: the rounded BB/U z below -3 SD, or oedema (is_bgm). */
export function isBgm(zwei, oedema = false) {
  if (oedema) return true;
  return zwei !== null && zwei !== undefined && zwei < BGM_BELOW_Z;
}

/** What a T judged N by a health worker (a reason given) reads on the entry screen. */
export const OVERRIDDEN_LABEL = "N (mengikuti garis pertumbuhannya)";

/** What the entry screen says instead of N/T while the weight is outside the plausible limits
 * (refused or asked about, as the online form: entry_weighing.weight_implausible). */
export const CHECK_WEIGHT_TEXT = "Periksa berat badan dulu: di luar batas yang masuk akal. Belum dinilai N/T.";

/** "naik 300 g, minimal 200 g" (N) / "naik 100 g, kurang dari minimal 200 g" /
 * "tetap 0 g, kurang dari minimal 200 g" / "turun 100 g, kurang dari minimal 200 g" (under
 * the KBM: a T, or a T judged N): the entry screen's line. */
export function gainText(j) {
  if (j.gain_g === null || j.gain_g === undefined) return "";
  const word = j.gain_g > 0 ? "naik" : j.gain_g === 0 ? "tetap" : "turun";
  const amount = `${word} ${Math.abs(j.gain_g).toLocaleString("id-ID")} g`;
  if (j.kbm_g === null || j.kbm_g === undefined) return amount;
  const kbm = `${j.kbm_g.toLocaleString("id-ID")} g`;
  return j.gain_g >= j.kbm_g ? `${amount}, minimal ${kbm}` : `${amount}, kurang dari minimal ${kbm}`;
}
