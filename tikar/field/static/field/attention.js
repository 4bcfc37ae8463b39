// Who needs attention at the posyandu, and why, computed on the phone: a line-by-line port of
// tikar/posyandu/attention.py (codes, texts and levels as docs/posyandu.md lists them).
// tikar/field/tests/test_pwa_attention_agreement.py runs a table of cases through both and
// fails on any difference of code, text or level, of the WhatsApp link or of the reminder.
//
// Shapes (the Python dataclasses as plain objects, snake_case, dates "YYYY-MM-DD"):
//   ChildMonth     {month, weight_kg, weight_gain, weight_gain_g, weight_gain_kbm_g, two_t,
//                   zwei, oedema, length_cm, zlen, flen, zwfl, fwfl, immunisation_up_to_date,
//                   immunisation_basic_complete, immunisation_measles}
//   ChildFacts     {birth, sex, name, months: [ChildMonth], before: ChildBefore|null}
//   ChildBefore    {weighed, stunted, wasted, immunisation_month, immunisation_up_to_date,
//                   measles, basic_complete} (any key may be missing)
//   PregnancyMonth {month, muac_cm, postnatal_checks, risk_status}
//   PregnancyFacts {due_date, delivery_date, risk_status, visits, pnc_standard, name,
//                   before: PregnancyBefore|null}
//   PregnancyBefore {muac_cm, muac_month, visit_month, risk_status, postnatal_checks}
//   Reason         {code, text, level}
//   AttentionItem  {kind, id, name, reasons, posyandu, posyandu_id, dusun, rt, url, phone,
//                   mother, age, village}
// `before` is the snapshot's `before_window` (tikar/sync/download.py): what the records older
// than the phone's first download say. It is read only where the phone's records do not reach
// back: the later last weighing, the earlier first stunted (wasted) month, the later answer.
// Months and days are written with rules.js (monthLabel, dayLabel, ageOn: the server's
// Indonesian words); the immunisation schedule is rules.json's growth.immunisation
// (tikar/posyandu/data/immunisation.json, Permenkes 12/2017 and Buku KIA).

import { ageOn, dayLabel, monthLabel } from "./rules.js";
import { isBgm, T } from "./weighing.js";

export const RUJUK = "rujuk";
export const INGAT = "ingat";
export const CODES = [
  "two_t",
  "bgm",
  "stunted_new",
  "wasted_new",
  "kek",
  "risti",
  "t",
  "stunted",
  "wasted",
  "not_weighed",
  "immunisation",
  "due_soon",
  "due_passed",
  "postnatal_due",
];
export const BALITA_MONTHS = 60;
const STUNTED_BELOW_Z = -2.0;
const WASTED_BELOW_Z = -2.0;
const SEVERE_BELOW_Z = -3.0; // Permenkes 2/2020: BB/PB (BB/TB) < -3 SD gizi buruk
const KEK_MUAC_BELOW_TENTHS = 235;
const NOT_WEIGHED_MONTHS = 2;
const DUE_SOON_DAYS = 14;
const MEASLES_MONTHS = [9, 11];
const BASIC_COMPLETE_MONTHS = [12, 23];
const IMMUNISATION_BELOW_MONTHS = 24; // immunisation reasons for 0-23 months only
const POSTNATAL_DAYS = 42;

let DOSES = [];

/** Keep the immunisation schedule ({source, doses}) of rules.json's growth.immunisation. */
export function loadSchedule(schedule) {
  const doses = (schedule?.doses || []).map((d) => ({
    vaccine: d.vaccine,
    dose: Number(d.dose),
    age_months: Number(d.age_months),
    booster: Boolean(d.booster),
  }));
  // a stable sort by age, as Python's sorted()
  DOSES = doses.map((d, i) => [d, i]).sort((a, b) => a[0].age_months - b[0].age_months || a[1] - b[1]).map((x) => x[0]);
  return DOSES;
}

const reason = (code, text, level) => ({ code, text, level });

// -- helpers ---------------------------------------------------------------------------------

function parts(day) {
  const [y, m, d] = day.slice(0, 10).split("-").map(Number);
  return { y, m, d };
}

function iso(y, m, d) {
  const p = (n, w) => String(n).padStart(w, "0");
  return `${p(y, 4)}-${p(m, 2)}-${p(d, 2)}`;
}

function monthStart(day) {
  const { y, m } = parts(day);
  return iso(y, m, 1);
}

function previousMonth(month) {
  const { y, m } = parts(month);
  return m === 1 ? iso(y - 1, 12, 1) : iso(y, m - 1, 1);
}

function nextMonth(month) {
  const { y, m } = parts(month);
  return m === 12 ? iso(y + 1, 1, 1) : iso(y, m + 1, 1);
}

function monthsBetween(a, b) {
  const pa = parts(a);
  const pb = parts(b);
  return (pb.y - pa.y) * 12 + pb.m - pa.m;
}

function dayNumber(day) {
  const { y, m, d } = parts(day);
  return Date.UTC(y, m - 1, d) / 86400000;
}

function plusDays(day, n) {
  const t = new Date((dayNumber(day) + n) * 86400000);
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

const missing = (v) => v === null || v === undefined || v === "";

/** A measurement in tenths (23.4 → 234), half up on the decimal text; null when unreadable. */
export function tenths(value) {
  if (missing(value)) return null;
  if (typeof value === "number" && !Number.isFinite(value)) return null;
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(String(value).replace(/_/g, ""));
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
  const frac = m[3] || "";
  const digits = BigInt((m[2] + frac).replace(/^0+(?=\d)/, "") || "0");
  const shift = Number(m[4] || 0) - frac.length + 1;
  let n;
  if (shift >= 0) n = digits * 10n ** BigInt(shift);
  else {
    const div = 10n ** BigInt(-shift);
    n = digits / div + ((digits % div) * 2n >= div ? 1n : 0n);
  }
  return Number(m[1] === "-" ? -n : n);
}

/** id_decimal: a number with `places` decimals and a decimal comma (Python's f"{x:.2f}"). */
function idDecimal(value, places) {
  return Number(value).toFixed(places).replace(".", ",");
}

const z = (v) => idDecimal(v, 2);
const kg = (v) => idDecimal(v, 1);

function gramsText(value) {
  const s = `${value >= 0 ? "+" : "-"}${Math.abs(value)} g`;
  return s.replace("+0 g", "0 g");
}

const lengthLabel = (birth, month) => (ageOn(birth, month).months < 24 ? "PB/U" : "TB/U");
const wflLabel = (birth, month) => (ageOn(birth, month).months < 24 ? "BB/PB" : "BB/TB");

// -- immunisation ----------------------------------------------------------------------------

/** The vaccines scheduled up to `ageMonths`, grouped: ["HB0", "BCG", "Polio 1–4", ...]. */
export function dueVaccines(ageMonths) {
  const counts = new Map();
  for (const d of DOSES) counts.set(d.vaccine, (counts.get(d.vaccine) || 0) + 1);
  const due = new Map();
  for (const d of DOSES) {
    if (d.age_months <= ageMonths) {
      if (!due.has(d.vaccine)) due.set(d.vaccine, []);
      due.get(d.vaccine).push(d.dose);
    }
  }
  const out = [];
  for (const [vaccine, numbers] of due) {
    if (counts.get(vaccine) === 1) out.push(vaccine);
    else if (numbers.length === 1) out.push(`${vaccine} ${numbers[0]}`);
    else out.push(`${vaccine} ${Math.min(...numbers)}–${Math.max(...numbers)}`);
  }
  return out;
}

// -- children --------------------------------------------------------------------------------

function gainText(m) {
  if (missing(m.weight_gain_g)) return "";
  let text = `, ${gramsText(m.weight_gain_g)} dari bulan lalu`;
  if (!missing(m.weight_gain_kbm_g)) text += `, minimal naik ${m.weight_gain_kbm_g} g`;
  return text;
}

function zReason(out, child, months, recent, { code, zOf, flagOf, below, word, label, firstBefore }) {
  const usable = months.filter((m) => !missing(zOf(m)) && !flagOf(m));
  const latest = [...usable].reverse().find((m) => recent.has(m.month));
  if (!latest || !(zOf(latest) < below)) return;
  const earlier = usable.filter((m) => m.month < latest.month && zOf(m) < below).map((m) => m.month);
  if (!missing(firstBefore) && monthStart(firstBefore) < latest.month) {
    earlier.push(monthStart(firstBefore));
    earlier.sort();
  }
  const zl = zOf(latest);
  const what = `${label(child.birth, latest.month)} ${z(zl)} SD pada ${monthLabel(latest.month)}`;
  if (earlier.length) {
    out.set(code, reason(code, `${word(zl)} sejak ${monthLabel(earlier[0])}: ${what}`, INGAT));
  } else {
    out.set(`${code}_new`, reason(`${code}_new`, `${word(zl)} baru: ${what}, sebelumnya tidak`, RUJUK));
  }
}

/** Permenkes 2/2020, BB/PB (BB/TB): [-3, -2) gizi kurang, < -3 gizi buruk. */
const wastingWord = (zv) => (zv < SEVERE_BELOW_Z ? "Wasting (gizi buruk)" : "Wasting (gizi kurang)");

function immunisationText(months, age, before) {
  // From 24 months the monthly record is weighing only: an old "not up to date" would never
  // clear, and the routine schedule ends with the 18-month boosters.
  if (age >= IMMUNISATION_BELOW_MONTHS) return "";
  const out = [];
  const answered = months
    .filter((m) => !missing(m.immunisation_up_to_date))
    .map((m) => [m.month, m.immunisation_up_to_date]);
  if (!missing(before.immunisation_month) && !missing(before.immunisation_up_to_date)) {
    const older = [monthStart(before.immunisation_month), before.immunisation_up_to_date];
    if (!answered.length || older[0] > answered[answered.length - 1][0]) answered.push(older);
  }
  if (answered.length && answered[answered.length - 1][1] === false) {
    out.push(
      `Imunisasi belum sesuai umur (${monthLabel(answered[answered.length - 1][0])}); ` +
        `jadwal sampai umur ${age} bulan: ${dueVaccines(age).join(", ")}`,
    );
  }
  if (
    MEASLES_MONTHS[0] <= age &&
    age <= MEASLES_MONTHS[1] &&
    !before.measles &&
    !months.some((m) => m.immunisation_measles === true)
  ) {
    out.push(`Campak-Rubela belum tercatat (jadwal umur 9 bulan, sekarang ${age} bulan)`);
  }
  if (
    BASIC_COMPLETE_MONTHS[0] <= age &&
    age <= BASIC_COMPLETE_MONTHS[1] &&
    !before.basic_complete &&
    !months.some((m) => m.immunisation_basic_complete === true)
  ) {
    out.push(`Imunisasi dasar lengkap belum tercatat (umur ${age} bulan)`);
  }
  return out.join("; ");
}

/** Why a balita (0-59 completed months on `today`) needs attention; [] when nothing. */
export function childReasons(child, today) {
  if (child.birth > today) return [];
  const age = ageOn(child.birth, today).months;
  if (age >= BALITA_MONTHS) return [];
  const thisMonth = monthStart(today);
  const recent = new Set([thisMonth, previousMonth(thisMonth)]);
  const months = [...(child.months || [])].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const weighed = months.filter((m) => !missing(m.weight_kg));
  const before = child.before || {};
  const out = new Map();

  const latest = [...weighed].reverse().find((m) => recent.has(m.month));
  if (latest) {
    const when = monthLabel(latest.month);
    if (latest.weight_gain === T && latest.two_t) {
      out.set(
        "two_t",
        reason(
          "two_t",
          `2T: berat badan tidak naik 2 kali penimbangan berturut-turut (${when}: ` +
            `${kg(latest.weight_kg)} kg${gainText(latest)})`,
          RUJUK,
        ),
      );
    } else if (latest.weight_gain === T) {
      out.set(
        "t",
        reason("t", `Berat badan tidak naik (T) pada ${when}: ${kg(latest.weight_kg)} kg${gainText(latest)}`, INGAT),
      );
    }
    if (isBgm(latest.zwei ?? null, latest.oedema)) {
      const text = latest.oedema
        ? `BGM: ada edema pada ${when}`
        : `BGM: BB/U ${z(latest.zwei)} SD pada ${when} (di bawah -3 SD)`;
      out.set("bgm", reason("bgm", text, RUJUK));
    }
  }

  zReason(out, child, months, recent, {
    code: "stunted",
    zOf: (m) => m.zlen,
    flagOf: (m) => m.flen,
    below: STUNTED_BELOW_Z,
    word: () => "Stunting",
    label: lengthLabel,
    firstBefore: before.stunted,
  });
  zReason(out, child, months, recent, {
    code: "wasted",
    zOf: (m) => m.zwfl,
    flagOf: (m) => m.fwfl,
    below: WASTED_BELOW_Z,
    word: wastingWord,
    label: wflLabel,
    firstBefore: before.wasted,
  });

  if (age >= 1) {
    let last = weighed.length ? weighed[weighed.length - 1].month : null;
    if (!missing(before.weighed) && (last === null || monthStart(before.weighed) > last)) {
      last = monthStart(before.weighed);
    }
    let start = monthStart(child.birth);
    if (last !== null) {
      const after = nextMonth(last);
      if (after > start) start = after;
    }
    const missed = monthsBetween(start, thisMonth) + 1;
    if (missed >= NOT_WEIGHED_MONTHS) {
      const since = last !== null ? `terakhir ditimbang ${monthLabel(last)}` : "belum pernah ditimbang";
      out.set("not_weighed", reason("not_weighed", `Tidak ditimbang ${missed} bulan (${since})`, INGAT));
    }
  }

  const imm = immunisationText(months, age, before);
  if (imm) out.set("immunisation", reason("immunisation", imm, INGAT));
  return CODES.filter((c) => out.has(c)).map((c) => out.get(c));
}

// -- pregnancies -----------------------------------------------------------------------------

/** Why a pregnant woman or ibu nifas needs attention; [] when nothing or past the 42 days. */
export function pregnancyReasons(p, today) {
  const delivery = missing(p.delivery_date) ? null : p.delivery_date;
  const due = missing(p.due_date) ? null : p.due_date;
  if (delivery !== null && dayNumber(today) - dayNumber(delivery) > POSTNATAL_DAYS) return [];
  const visits = [...(p.visits || [])].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const before = p.before || {};
  const out = new Map();

  const measured = visits.filter((v) => tenths(v.muac_cm) !== null).map((v) => [v.month, v.muac_cm]);
  if (!missing(before.muac_month) && tenths(before.muac_cm) !== null) {
    const older = [monthStart(before.muac_month), before.muac_cm];
    if (!measured.length || older[0] > measured[measured.length - 1][0]) measured.push(older);
  }
  if (measured.length && tenths(measured[measured.length - 1][1]) < KEK_MUAC_BELOW_TENTHS) {
    const [month, muac] = measured[measured.length - 1];
    out.set(
      "kek",
      reason("kek", `KEK: LiLA ${idDecimal(muac, 1)} cm pada ${monthLabel(month)} (di bawah 23,5 cm)`, RUJUK),
    );
  }
  let lastRisk = visits.length ? visits[visits.length - 1].risk_status ?? "" : "";
  if (!missing(before.visit_month) && (!visits.length || monthStart(before.visit_month) > visits[visits.length - 1].month)) {
    lastRisk = before.risk_status ?? "";
  }
  const risks = new Set([p.risk_status ?? "normal", lastRisk]);
  if (risks.has("risti")) out.set("risti", reason("risti", "Risiko tinggi (risti) menurut bidan", RUJUK));
  if (risks.has("kek") && !out.has("kek")) out.set("kek", reason("kek", "KEK menurut bidan", RUJUK));

  if (delivery === null && due !== null) {
    const days = dayNumber(due) - dayNumber(today);
    if (days >= 0 && days <= DUE_SOON_DAYS) {
      const when = days === 0 ? "hari ini" : `${days} hari lagi`;
      out.set("due_soon", reason("due_soon", `HPL ${dayLabel(due)} (${when})`, INGAT));
    } else if (days < 0) {
      out.set(
        "due_passed",
        reason("due_passed", `HPL ${dayLabel(due)} sudah lewat ${-days} hari, persalinan belum dicatat`, INGAT),
      );
    }
  }
  if (delivery !== null && today >= delivery) {
    const checks = visits.reduce((n, v) => n + (Number(v.postnatal_checks) || 0), Number(before.postnatal_checks) || 0);
    const standard = p.pnc_standard ?? 3;
    if (checks < standard) {
      const day = dayNumber(today) - dayNumber(delivery);
      const end = plusDays(delivery, POSTNATAL_DAYS);
      out.set(
        "postnatal_due",
        reason(
          "postnatal_due",
          `Pemeriksaan nifas ${checks} dari ${standard} kali (hari ke-${day} setelah melahirkan, sampai ${dayLabel(end)})`,
          INGAT,
        ),
      );
    }
  }
  return CODES.filter((c) => out.has(c)).map((c) => out.get(c));
}

// -- WhatsApp and sorting --------------------------------------------------------------------

/** An Indonesian phone as wa.me wants it: digits with country code 62; "" when unusable. */
export function waPhone(phone) {
  let digits = String(phone || "").replace(/\D/g, "");
  if (digits.startsWith("62")) {
    // as is
  } else if (digits.startsWith("0")) digits = `62${digits.slice(1)}`;
  else if (digits.startsWith("8")) digits = `62${digits}`;
  else return "";
  return digits.length >= 10 && digits.length <= 15 ? digits : "";
}

/** Python's quote(text, safe=""): everything but letters, digits and "_.-~" percent-encoded. */
function quote(text) {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `https://wa.me/62…?text=<urlencoded>`; without a usable phone `https://wa.me/?text=…`. */
export function whatsappLink(phone, text) {
  return `https://wa.me/${waPhone(phone)}?text=${quote(text)}`;
}

const FAMILY = {
  two_t: "berat badannya belum naik dua kali penimbangan; mohon dibawa ke bidan/puskesmas",
  t: "berat badannya belum naik bulan ini; mohon datang ke posyandu untuk konseling gizi",
  bgm: "berat badannya di bawah garis merah; mohon segera dibawa ke puskesmas",
  stunted_new: "tinggi badannya kurang untuk umurnya; mohon diperiksakan ke bidan/puskesmas",
  stunted: "perlu dipantau pertumbuhan tinggi badannya setiap bulan di posyandu",
  wasted_new: "berat badannya kurang untuk tingginya; mohon diperiksakan ke puskesmas",
  wasted: "perlu dipantau berat badannya setiap bulan di posyandu",
  not_weighed: "sudah lama belum ditimbang; mohon datang ke posyandu bulan ini",
  immunisation: "ada imunisasi yang perlu dilengkapi; mohon datang ke posyandu",
  kek: "LiLA ibu di bawah 23,5 cm; mohon periksa ke bidan untuk makanan tambahan",
  risti: "kehamilan berisiko tinggi; mohon periksa rutin ke bidan",
  due_soon: "hari perkiraan lahir sudah dekat; siapkan persalinan di fasilitas kesehatan",
  due_passed: "hari perkiraan lahir sudah lewat; mohon kabari kader atau bidan",
  postnatal_due: "pemeriksaan nifas ibu dan bayi perlu dilengkapi; mohon periksa ke bidan",
};

/** The prefilled WhatsApp reminder for the family (Indonesian, no z-scores or jargon). */
export function reminderText(item) {
  const who = item.kind === "pregnancy" ? `Ibu ${item.mother || item.name}` : `${item.name}`;
  const lines = [`Salam, Bapak/Ibu. Pengingat dari kader posyandu untuk ${who}:`];
  for (const r of item.reasons) lines.push(`- ${FAMILY[r.code] ?? r.text}`);
  lines.push(item.posyandu ? `Posyandu: ${item.posyandu}. Terima kasih.` : "Terima kasih.");
  return lines.join("\n");
}

export function levelOf(item) {
  return item.reasons.some((r) => r.level === RUJUK) ? RUJUK : INGAT;
}

export function whatsappOf(item) {
  return whatsappLink(item.phone, reminderText(item));
}

/** Rujuk first, then by posyandu, name (case-insensitive), id. */
export function sortItems(items) {
  const key = (i) => [levelOf(i) !== RUJUK ? 1 : 0, (i.posyandu || "").toLowerCase(), (i.name || "").toLowerCase(), i.id];
  const cmp = (a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let n = 0; n < ka.length; n++) {
      if (ka[n] < kb[n]) return -1;
      if (ka[n] > kb[n]) return 1;
    }
    return 0;
  };
  return [...items].sort(cmp);
}
