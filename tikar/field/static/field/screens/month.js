// The monthly entry offline: Formulir 2a (pregnancy), 2b (child 0-23 months, with live
// z-scores from who2006.js) and 2c (PAUD). Same labels and order as the online page
// (tikar/templates/monitoring/record_month.html, tikar/monitoring/forms.py). Before saving,
// rules.js checkRecord refuses what the server refuses (errors at the field, nothing saved);
// warnings are shown and the KPM confirms them. Save → IndexedDB + outbox → back to Tugas.

import {
  MONTHLY,
  all,
  app,
  get,
  kbmTable,
  posyanduList,
  recentMonths,
  save,
  status,
  targetOf,
  beforeWindowOf,
  weighedBeforeMonth,
} from "./data.js";
import { checkFields, editableOf, problemsBox, warningsBox } from "./checks.js";
import { stateBadge } from "./tasks.js";
import {
  ageOn,
  decimalShown,
  decimalValue,
  field,
  h,
  input,
  intValue,
  monthLabel,
  newId,
  onSubmitOnce,
  select,
  showErrors,
  t,
  toggle,
  valueOf,
  yesNo,
  yesNoValue,
  confirmBox,
} from "./ui.js";

const FORM_LABEL = { "2a": "Pregnancy (2a)", "2b": "Child 0-23 months (2b)", "2c": "PAUD (2c)" };
const WEIGHING_ONLY_LABEL = "Weighing of a child 24-59 months";
const YES_NO_2A = [
  ["anc_check", "1. Antenatal check"],
  ["iron_tablets", "2. Received and took iron tablets (Fe)"],
];
const YES_NO_2A_AFTER = [
  ["nutrition_counselling", "4. Nutrition counselling or pregnancy class"],
  ["home_visit", "5. Home visit"],
  ["safe_water", "6. Safe drinking water"],
  ["latrine", "7. Proper latrine"],
  ["health_insurance", "8. Health insurance"],
];
const YES_NO_2B = [
  ["immunisation_up_to_date", "1. Immunisation up to date for age"],
  ["immunisation_basic_complete", "Basic immunisation complete"],
  ["immunisation_measles", "Measles/MR immunisation"],
  ["counselling_mother", "4. Nutrition counselling: mother"],
  ["counselling_father", "Nutrition counselling: father"],
  ["home_visit", "5. Home visit"],
  ["safe_water", "6. Safe drinking water"],
  ["latrine", "7. Proper latrine"],
  ["birth_certificate", "8. Birth certificate"],
  ["health_insurance", "9. Health insurance"],
  ["parenting_class", "10. Parenting class (BKB)"],
];
const Z_LABELS = [
  ["len", "PB/U · TB/U"],
  ["wei", "BB/U"],
  ["wfl", "BB/PB · BB/TB"],
  ["bmi", "IMT/U"],
  ["hc", "LK/U"],
  ["ac", "LiLA/U"],
];

function posyanduSelect(value) {
  return select("posyandu", [["", "–"], ...posyanduList().map((p) => [String(p.id), p.name])], value ?? "");
}

function measure(name, label, value, help) {
  return field(name, t(label), input(name, { value: decimalShown(value), inputmode: "decimal" }), { help });
}

/** "7,4 kg" / "68,5 cm" of a stored one-decimal measurement (Indonesian comma), or "". */
function withUnit(value, unit) {
  if (value === null || value === undefined || value === "" || !Number.isFinite(Number(value))) return "";
  return `${Number(value).toFixed(1).replace(".", ",")} ${unit}`;
}

/** Last month's value under an input (from the phone's store): "Bulan lalu: 7,4 kg". */
function lastMonthLine(lastRecord, name, unit, testid) {
  const value = lastRecord ? withUnit(lastRecord[name], unit) : "";
  return h(
    "span",
    { "data-testid": testid },
    value ? t("Last month: %(value)s", { value }) : t("Last month: not measured"),
  );
}

/** The month before "YYYY-MM-01". */
function previousMonth(month) {
  const [y, m] = month.split("-").map(Number);
  const p = (n, w) => String(n).padStart(w, "0");
  return m === 1 ? `${p(y - 1, 4)}-12-01` : `${p(y, 4)}-${p(m - 1, 2)}-01`;
}

/** Completed months of the child on the visit date, else on the month's last day (the age of
 * every judgement, docs/posyandu.md). */
function judgementAge(child, month, visitDate) {
  const rules = app.rules;
  const day = visitDate || (rules ? rules.iso(rules.monthEnd(month)) : month);
  return ageOn(child.birth_date, day).months;
}

/** The live N/T/O/B judgement of the weight being typed (weighing.js judgeOne), with what it
 * needs from the child's earlier months on the phone and, for weighings older than those, the
 * snapshot's `before_window` (`before`: a child weighed before is O, never B, as the server
 * judges it). null without weighing.js. */
function gainOf(child, month, weightKg, visitDate, overrideReason, earlier, before = null) {
  const w = app.weighing;
  if (!w) return null;
  const table = kbmTable();
  const series = earlier
    .filter((r) => r.month < month)
    .map((r) => ({
      month: r.month,
      age_months: judgementAge(child, r.month, r.visit_date),
      weight_kg: r.weight_kg ?? null,
      override_reason: r.gain_override_reason || "",
    }));
  const first = series.reduce((a, r) => (a === null || r.month < a ? r.month : a), null);
  const judged = w
    .judgeSeries(series, table, { weighedBefore: weighedBeforeMonth(before, first ?? month) })
    .filter((j) => j.code);
  const last = earlier.find((r) => r.month === previousMonth(month));
  try {
    return w.judgeOne(judgementAge(child, month, visitDate), weightKg, last?.weight_kg ?? null, {
      weighedBefore: judged.length > 0 || weighedBeforeMonth(before, month),
      previousCode: judged.length ? judged[judged.length - 1].code : "",
      overrideReason,
      table,
      month,
    });
  } catch {
    return null;
  }
}

/** The judgement line under the weight: "T: tidak naik · naik 100 g, kurang dari minimal
 * 200 g"; a T with a reason is "N (mengikuti garis pertumbuhannya)"; a weight outside the
 * plausible limits is not judged (`check`): it is to be checked first. */
function gainBox(j, bgm, check = false) {
  if (!j || !j.code) return null;
  const w = app.weighing;
  if (check) {
    return h(
      "p",
      { class: "gain", "data-testid": "gain", "data-code": "", "data-check": "1", "aria-live": "polite" },
      h("b", {}, `${t("Weight gain")}: `),
      h("span", { class: "pill bad" }, w.CHECK_WEIGHT_TEXT),
    );
  }
  const bad = j.code === "T";
  return h(
    "p",
    { class: "gain", "data-testid": "gain", "data-code": j.code, "aria-live": "polite" },
    h("b", {}, `${t("Weight gain")}: `),
    h("span", { class: `pill ${bad ? "bad" : j.code === "N" ? "ok" : ""}` }, j.overridden ? w.OVERRIDDEN_LABEL : w.GAIN_LABELS[j.code]),
    j.two_t ? [" ", h("span", { class: "pill bad", "data-testid": "two-t" }, t("2T: not gained twice in a row, refer"))] : null,
    bgm ? [" ", h("span", { class: "pill bad", "data-testid": "bgm" }, t("BGM: below the red line"))] : null,
    j.gain_g !== null ? [" ", h("small", {}, `· ${w.gainText(j)}`)] : null,
  );
}

function dateField(name, label, value, help) {
  return field(name, t(label), input(name, { type: "date", value: value || "" }), { help });
}

/** The fields of the 2a/2b/2c record as the form holds them (wire shapes). */
function readFields(form, code, { weighingOnly = false } = {}) {
  const v = (n) => valueOf(form, n);
  const posyandu = v("posyandu");
  const common = { visit_date: v("visit_date") || null };
  if (code === "2a") {
    const out = {
      ...common,
      posyandu: posyandu ? Number(posyandu) : null,
      gestation_month: intValue(v("gestation_month")),
      risk_status: v("risk_status") || "normal",
      muac_cm: decimalValue(v("muac_cm")),
      iron_tablet_count: intValue(v("iron_tablet_count")),
      postnatal_checks: intValue(v("postnatal_checks")) ?? 0,
    };
    for (const [n] of [...YES_NO_2A, ...YES_NO_2A_AFTER]) out[n] = yesNoValue(v(n));
    return out;
  }
  if (code === "2b") {
    const lying = v("measured_lying");
    const out = {
      ...common,
      posyandu: posyandu ? Number(posyandu) : null,
      weight_kg: decimalValue(v("weight_kg")),
      length_cm: decimalValue(v("length_cm")),
      measured_lying: lying === "1" ? true : lying === "0" ? false : null,
      head_circumference_cm: decimalValue(v("head_circumference_cm")),
      muac_cm: decimalValue(v("muac_cm")),
      oedema: yesNoValue(v("oedema")),
      growth_mat: v("growth_mat") || "tidak_diukur",
    };
    // A weighing-only record holds no service answer (rules.check_weighing_only).
    for (const [n] of YES_NO_2B) out[n] = weighingOnly ? null : yesNoValue(v(n));
    // Sent once the server knows the field (rules.json); empty unless the weighing is T.
    if (app.rules && v("gain_override_reason") !== undefined) {
      const overrideBox = form.querySelector('[data-field="gain_override_reason"]');
      out.gain_override_reason = overrideBox && !overrideBox.hidden ? v("gain_override_reason") : "";
    }
    return out;
  }
  return { ...common, status: v("status") || "" };
}

const num = (x) => (x === null || x === undefined || x === "" || Number.isNaN(Number(x)) ? null : Number(x));

/** The WHO result of a 2b measurement (who2006.js scoreVisit), or null without one. */
function scoreOf(child, fields) {
  const measured = fields.weight_kg !== null || fields.length_cm !== null;
  if (!measured || !fields.visit_date || !app.who?.scoreVisit) return null;
  try {
    return app.who.scoreVisit({
      sex: child.sex,
      birth_date: child.birth_date,
      visit_date: fields.visit_date,
      weight_kg: num(fields.weight_kg),
      length_cm: num(fields.length_cm),
      measured_lying: fields.measured_lying,
      head_circumference_cm: num(fields.head_circumference_cm),
      muac_cm: num(fields.muac_cm),
      oedema: Boolean(fields.oedema),
    });
  } catch {
    return null;
  }
}

/** The questions asked at entry (rules.growth_warnings through who2006.js growthWarnings):
 * implausible z, standing under 9 months, shorter than the last measurement. */
function growthOf(score, fields, siblings) {
  if (!score || !app.who?.growthWarnings) return [];
  const previous = siblings
    .filter((r) => r.month < fields.month && r.length_cm !== null && r.length_cm !== undefined && r.length_cm !== "")
    .sort((a, b) => (a.month < b.month ? 1 : -1))[0];
  try {
    return app.who.growthWarnings(score, {
      length_cm: num(fields.length_cm),
      previous_length_cm: previous ? num(previous.length_cm) : null,
      previous_date: previous?.visit_date ?? null,
    });
  } catch {
    return [];
  }
}

/** The live z-score box, drawn as monitoring/_zscores.html draws it on the server. */
export function zscoreBox(child, fields, z, warnings) {
  const measured = fields.weight_kg !== null || fields.length_cm !== null;
  if (!measured) return null;
  if (!fields.visit_date) {
    return h("p", { class: "muted small" }, t("Fill the visit date to see the z-scores: the age is counted from it."));
  }
  if (!z) return h("p", { class: "muted small" }, t("The z-scores appear once the WHO tables are loaded."));
  const age = ageOn(child.birth_date, fields.visit_date);
  // The entry page's pills are status_words (monitoring.views.status_words); older engines
  // only had status_labels.
  const labels = z.status_words || z.status_labels || [];
  const hasStatus = z.has_status ?? ((z.zlen ?? null) !== null || (z.zwfl ?? null) !== null);
  const zrows =
    z.rows ||
    Z_LABELS.filter(([ind]) => z[`z${ind}`] !== null && z[`z${ind}`] !== undefined).map(([ind, label]) => ({
      ind,
      label,
      z: z[`z${ind}`],
      category: (z.category_labels || {})[ind] || "",
      flagged: Boolean(z[`f${ind}`]),
      low: z[`z${ind}`] < -2,
    }));
  const rows = zrows.map((r) =>
    h(
      "tr",
      { class: r.flagged ? "flagged" : r.low ? "low" : "", "data-z": r.ind },
      h("th", {}, r.label),
      // Django's floatformat:2 in Indonesian: two decimals with a comma.
      h("td", { class: "num z" }, Number(r.z).toFixed(2).replace(".", ",")),
      h("td", {}, r.category || "", r.flagged ? [" ", h("b", {}, "⚠")] : null),
    ),
  );
  return h(
    "div",
    { class: "zbox", "aria-live": "polite", "data-testid": "zscores" },
    h(
      "p",
      { class: "zhead" },
      h("b", {}, `${t("Nutrition status")}:`),
      " ",
      labels.length
        ? labels.map((s) => [h("span", { class: "pill bad" }, s), " "])
        : hasStatus
          ? h("span", { class: "pill ok" }, t("No nutrition problem found"))
          : h("span", { class: "muted" }, t("needs weight and length")),
      " ",
      h("small", { class: "muted" }, `· ${t("age %(m)s months (%(d)s days)", { m: age.months, d: age.days })}`),
    ),
    h("table", { class: "data compact ztable" }, h("tbody", {}, rows)),
    warnings && warnings.length ? warningsBox(warnings) : null,
  );
}

/** A newborn link or the delivery link under the head of a 2a entry. */
async function deliveryOffer(pregnancy) {
  if (!pregnancy.delivery_date) {
    return h("p", {}, h("a", { class: "button wide-link", href: `#/persalinan/${pregnancy.id}` }, t("Record the delivery")));
  }
  const born = (await all("child")).some((c) => c.born_from === pregnancy.id);
  if (born) return null;
  return h(
    "div",
    { class: "offer" },
    h("p", {}, t("The delivery is recorded.")),
    h("a", { class: "button primary wide-link", href: `#/bayi/${pregnancy.id}` }, `+ ${t("Register the newborn")}`),
  );
}

export async function monthScreen(params, query, go) {
  const code = params.form;
  const kind = MONTHLY[code];
  const targetKind = code === "2a" ? "pregnancy" : "child";
  const target = await get(targetKind, params.id);
  if (!target || !kind) return notFound();
  const month = `${params.month}-01`;
  const mother = await get("mother", target.mother);
  const household = await get("household", targetKind === "pregnancy" ? mother?.household : target.household);
  const siblings = (await all(kind)).filter((r) => targetOf(r) === target.id);
  const record = siblings.find((r) => r.month && r.month.slice(0, 7) === params.month) || null;
  const existing = siblings.filter((r) => r !== record);
  // the snapshot's summary of the child's records older than the phone's (its last weighing)
  const before = targetKind === "child" ? await beforeWindowOf(targetKind, target.id) : null;
  // One record per target and month on the phone: a new one gets its id once, with the form,
  // so a second Simpan that slips through updates it instead of adding another.
  const recordId = record?.id || newId();
  const name = targetKind === "pregnancy" ? mother?.name || "" : target.name;
  const st = record ? await status(kind, record.id) : null;
  // A target the server has not accepted yet (a refused create) says so here too.
  const targetSt = await status(targetKind, target.id);
  const r = record || {};
  const back = `#/?bulan=${month}`;

  const monthSwitch = select(
    "bulan",
    recentMonths().map((m) => [m.slice(0, 7), monthLabel(m)]),
    params.month,
  );
  monthSwitch.setAttribute("aria-label", t("Month"));
  monthSwitch.addEventListener("change", () => go(`#/isi/${code}/${target.id}/${monthSwitch.value}`));
  const age = targetKind === "child" ? ageOn(target.birth_date, app.today) : null;
  // A child 24-59 months: the posyandu's weighing only (rules.is_weighing_only_month).
  const weighingOnly = code === "2b" && Boolean(app.rules?.isWeighingOnlyMonth?.(target.birth_date, month));
  const lastRecord = code === "2b" ? siblings.find((x) => x.month === previousMonth(month)) || null : null;

  const head = h(
    "section",
    { class: "card entry-head" },
    h(
      "p",
      { class: "muted small" },
      t(weighingOnly ? WEIGHING_ONLY_LABEL : FORM_LABEL[code]),
      household ? ` · ${household.head_name}` : "",
      age ? ` · ${t("age %(m)s months (%(d)s days)", { m: age.months, d: age.days })}` : "",
    ),
    h("h1", {}, name),
    h("div", { class: "month-switch" }, monthSwitch),
    h(
      "p",
      { class: "small" },
      record
        ? [h("span", { class: "badge ok" }, t("recorded")), " ", t("Saving again changes this month's record.")]
        : h("span", { class: "badge" }, t("not yet recorded")),
    ),
    st ? h("p", { class: "small syncstate", "data-testid": "record-state" }, stateBadge(st)) : null,
    st?.state === "check"
      ? h("p", { class: "note", role: "status" }, t("Fix it: change the answers below and save again."))
      : null,
    targetSt.state === "check"
      ? h(
          "p",
          { class: "note", role: "status", "data-testid": "target-state" },
          stateBadge(targetSt),
          " ",
          h("a", { href: `#/data/${targetKind}/${target.id}` }, t("Open and change")),
        )
      : null,
    code === "2a" ? await deliveryOffer(target) : null,
    weighingOnly
      ? h(
          "p",
          { class: "note small", "data-testid": "weighing-only" },
          t("Only the weighing and measuring: the services of Formulir 2b are for children 0-23 months."),
        )
      : null,
    code === "2c" && app.rules?.isBalitaMonth?.(target.birth_date, month)
      ? h(
          "p",
          {},
          h("a", { class: "button wide-link", href: `#/isi/2b/${target.id}/${params.month}` }, t("Weighing at the posyandu this month")),
        )
      : null,
  );

  const sections = [];
  let confirmWrap = null;
  if (code === "2a") {
    const proposed = record ? { month: r.gestation_month, note: "" } : proposedGestation(target, month, existing);
    const gest = proposed.month;
    sections.push(
      h(
        "section",
        { class: "card" },
        dateField("visit_date", "Visit date", r.visit_date),
        field("posyandu", t("Posyandu"), posyanduSelect(r.posyandu ?? target.posyandu ?? household?.posyandu)),
        field(
          "gestation_month",
          t("Gestational month"),
          select("gestation_month", [["", "–"], ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => [String(i), String(i)])], gest ?? ""),
          { help: t("Leave empty after delivery.") },
        ),
        proposed.note ? h("p", { class: "small muted", "data-testid": "gestation-note" }, proposed.note) : null,
        toggle(
          "risk_status",
          t("Risk status"),
          [
            ["normal", "Normal"],
            ["risti", "Risti"],
            ["kek", "KEK"],
          ],
          r.risk_status ?? target.risk_status ?? "normal",
        ),
        measure("muac_cm", "Upper arm circumference (LiLA, cm)", r.muac_cm),
        h("div", { id: "kek" }),
        // Stored on the pregnancy itself, as online (PregnancyMonthForm.delivery_date).
        dateField("delivery_date", "Delivery date", target.delivery_date, t("Only once she has given birth.")),
      ),
      h(
        "section",
        { class: "card" },
        h("h2", {}, t("Services this month")),
        YES_NO_2A.map(([n, label]) => yesNo(n, t(label), r[n])),
        field(
          "iron_tablet_count",
          t("Number of iron tablets"),
          input("iron_tablet_count", { type: "number", value: r.iron_tablet_count ?? "", inputmode: "numeric", attrs: { min: 0, max: 400 } }),
        ),
        toggle(
          "postnatal_checks",
          t("3. Postnatal checks this month"),
          [0, 1, 2, 3, 4].map((i) => [String(i), String(i)]),
          String(r.postnatal_checks ?? 0),
        ),
        YES_NO_2A_AFTER.map(([n, label]) => yesNo(n, t(label), r[n])),
      ),
    );
  } else if (code === "2b") {
    const zbox = h("div", { id: "zscores" });
    confirmWrap = confirmBox("confirm_growth", t("I measured again: the numbers are right."));
    confirmWrap.hidden = true;
    sections.push(
      h(
        "section",
        { class: "card measure" },
        h("h2", {}, t("Weighing and measuring")),
        dateField("visit_date", "Visit date", r.visit_date),
        h(
          "div",
          { class: "two" },
          measure("weight_kg", "Weight (kg)", r.weight_kg, lastMonthLine(lastRecord, "weight_kg", "kg", "last-weight")),
          measure("length_cm", "Length/height (cm)", r.length_cm, lastMonthLine(lastRecord, "length_cm", "cm", "last-length")),
        ),
        h("div", { id: "gain" }),
        field(
          "gain_override_reason",
          t("Follows its growth line? Reason (optional)"),
          input("gain_override_reason", { value: r.gain_override_reason || "", attrs: { maxlength: 200 } }),
          {
            help: t(
              "Only when the health worker judges that the curve follows its growth line: the T then counts as N. Kept in the history.",
            ),
          },
        ),
        toggle(
          "measured_lying",
          t("Measured"),
          [
            ["1", t("Lying")],
            ["0", t("Standing")],
          ],
          r.measured_lying === true ? "1" : r.measured_lying === false ? "0" : "",
        ),
        zbox,
        confirmWrap,
        h(
          "div",
          { class: "two" },
          measure("head_circumference_cm", "Head circumference (cm)", r.head_circumference_cm),
          measure("muac_cm", "Upper arm circumference (LiLA, cm)", r.muac_cm),
        ),
        yesNo("oedema", t("Oedema on both feet"), r.oedema),
        // The growth mat applies from 3 to 18 months only: the weighing of a child 24-59
        // months does not ask it (stored "tidak_diukur", as online).
        weighingOnly
          ? null
          : toggle(
              "growth_mat",
              t("Growth mat (tikar pertumbuhan)"),
              [
                ["hijau", "Hijau"],
                ["kuning", "Kuning"],
                ["merah", "Merah"],
                ["tidak_diukur", "Tidak diukur"],
              ],
              r.growth_mat ?? "tidak_diukur",
            ),
        field("posyandu", t("Posyandu"), posyanduSelect(r.posyandu ?? target.posyandu ?? household?.posyandu)),
      ),
      weighingOnly
        ? null
        : h(
            "section",
            { class: "card" },
            h("h2", {}, t("Services this month")),
            YES_NO_2B.map(([n, label]) => yesNo(n, t(label), r[n])),
          ),
    );
  } else {
    sections.push(
      h(
        "section",
        { class: "card" },
        toggle(
          "status",
          t("PAUD this month"),
          [
            ["belum", "Belum"],
            ["mengikuti", "Mengikuti"],
            ["tidak_mengikuti", "Tidak mengikuti"],
          ],
          r.status ?? "",
        ),
        dateField("visit_date", "Visit date", r.visit_date),
      ),
    );
  }

  const topErrors = h("div", {});
  const warnSlot = h("div", {});
  const form = h(
    "form",
    { class: "entry", id: "entry", novalidate: true },
    topErrors,
    sections,
    warnSlot,
    h("div", { class: "savebar" }, h("button", { class: "primary wide", type: "submit" }, t("Save"))),
  );

  const recordFields = () => {
    const fields = { target: target.id, month, ...readFields(form, code, { weighingOnly }) };
    if (code !== "2a") fields.form = code;
    return fields;
  };
  // rules.js reads the month's stored record from `existing` (an edit, not a second record).
  const ctx = () => ({
    today: app.today,
    target,
    mother,
    household,
    existing: siblings,
    records: { [kind]: siblings },
  });
  const checked = (fields) => (record ? { ...fields, id: record.id } : fields);
  // The typed weight outside what the save refuses (rules.js: CHILD_LIMITS, the field's digits)
  // or with a flagged BB/U z (entry_weighing.weight_implausible online).
  const weightImplausible = (fields, score) => {
    if (score?.fwei) return true;
    const only = { target: target.id, month, form: code, visit_date: fields.visit_date, weight_kg: fields.weight_kg };
    const { errors } = checkFields(kind, checked(only), { ...ctx(), checkFollowed: false });
    return Boolean(errors.weight_kg?.length);
  };

  if (code === "2b") {
    const zbox = form.querySelector("#zscores");
    const gainSlot = form.querySelector("#gain");
    const overrideBox = form.querySelector('[data-field="gain_override_reason"]');
    const refresh = () => {
      const fields = recordFields();
      const score = scoreOf(target, fields);
      const growth = growthOf(score, fields, siblings);
      zbox.replaceChildren(zscoreBox(target, fields, score, growth) || "");
      confirmWrap.hidden = growth.length === 0;
      // N/T while typing; the override reason is asked only of a T (or a T already overridden).
      const reason = valueOf(form, "gain_override_reason") || "";
      const j = gainOf(target, month, fields.weight_kg, fields.visit_date, reason, existing, before);
      // A weight the phone (and the server) refuses, or a flagged BB/U z: no N/T, 2T or BGM.
      const check = Boolean(j?.code) && weightImplausible(fields, score);
      const bgm = !check && app.weighing && score ? app.weighing.isBgm(score.zwei ?? null, Boolean(fields.oedema)) : false;
      gainSlot.replaceChildren(gainBox(j, bgm, check) || "");
      // Kept while a reason is typed, so nothing typed is lost while the weight is checked.
      overrideBox.hidden = !(j && (j.code === "T" || j.overridden) && (!check || reason.trim()));
    };
    form.addEventListener("input", refresh);
    form.addEventListener("change", refresh);
    refresh();
  }

  if (code === "2a") {
    const kekSlot = form.querySelector("#kek");
    const below = app.growth?.kek_muac_below ?? 23.5;
    const refreshKek = () => {
      const muac = Number(decimalValue(valueOf(form, "muac_cm")) ?? NaN);
      const kek = Number.isFinite(muac) && muac > 0 && muac < below;
      const risk = valueOf(form, "risk_status");
      kekSlot.replaceChildren(
        kek
          ? h(
              "p",
              { class: "note", role: "status", "data-testid": "kek" },
              h("span", { class: "pill bad" }, "KEK"),
              " ",
              t("LiLA under %(cm)s cm: chronic energy deficiency (KEK).", { cm: String(below).replace(".", ",") }),
              " ",
              risk === "kek"
                ? t("Risk status: KEK.")
                : h(
                    "button",
                    {
                      type: "button",
                      class: "button",
                      "data-testid": "set-kek",
                      onclick: () => {
                        const radio = form.querySelector('[name="risk_status"][value="kek"]');
                        if (radio) {
                          radio.checked = true;
                          radio.dispatchEvent(new Event("change", { bubbles: true }));
                        }
                      },
                    },
                    t("Set the risk status to KEK"),
                  ),
            )
          : "",
      );
    };
    form.addEventListener("input", refreshKek);
    form.addEventListener("change", refreshKek);
    refreshKek();
  }

  onSubmitOnce(form, async () => {
    const fields = recordFields();
    const { errors, warnings: ruleWarnings } = checkFields(kind, checked(fields), ctx());
    // 2b: the growth questions are confirmed with their own box, as online (confirm_growth).
    const warnings = code === "2b" ? [...ruleWarnings, ...growthOf(scoreOf(target, fields), fields, siblings)] : ruleWarnings;
    // 2a: a delivery date typed here changes the pregnancy (checked as its own record).
    const delivery = code === "2a" ? valueOf(form, "delivery_date") || null : undefined;
    const deliveryChanged = code === "2a" && delivery !== (target.delivery_date ?? null);
    let pregnancyFields = null;
    if (deliveryChanged) {
      pregnancyFields = { ...editableOf("pregnancy", target), delivery_date: delivery, id: target.id };
      const res = checkFields("pregnancy", pregnancyFields, {
        today: app.today,
        mother,
        stored: target,
        records: { child: await all("child"), pregnancy: await all("pregnancy") },
      });
      for (const [name, list] of Object.entries(res.errors)) errors[name] = [...(errors[name] || []), ...list];
    }
    const loose = showErrors(form, errors);
    topErrors.replaceChildren();
    warnSlot.replaceChildren();
    if (Object.keys(errors).length) {
      topErrors.replaceChildren(
        problemsBox(t("Some answers need fixing: see the red messages below. Nothing you typed is lost."), loose),
      );
      form.querySelector(".has-error, .error")?.scrollIntoView({ block: "center" });
      return false;
    }
    if (warnings.length) {
      let box = confirmWrap;
      if (code !== "2b") {
        box = confirmBox("confirm_warnings", t("I checked the warnings: save anyway."));
        warnSlot.replaceChildren(warningsBox(warnings), box);
        if (!form.dataset.warned) {
          form.dataset.warned = "1";
          box.scrollIntoView({ block: "center" });
          return false;
        }
      }
      const ok = box.querySelector("input").checked;
      if (!ok) {
        box.hidden = false;
        showErrors(form, { [box.dataset.field]: [t("Check the warnings above, then tick this box if the numbers are right.")] });
        box.scrollIntoView({ block: "center" });
        return false;
      }
    }
    // The month's record as the phone holds it now: one saved since this form was drawn (a
    // sync that brought it, the same month saved in another tab) is updated, not doubled.
    const current =
      (await all(kind)).find((x) => targetOf(x) === target.id && x.month && x.month.slice(0, 7) === params.month) ||
      record;
    await save(kind, { ...fields, id: current?.id ?? recordId }, current);
    if (pregnancyFields) await save("pregnancy", pregnancyFields, target);
    app.flash = t("Saved on this phone, not yet sent.");
    // A delivery just recorded: on to the newborn, as the online page offers it.
    go(deliveryChanged && delivery ? `#/bayi/${target.id}` : back);
    return true;
  });

  return h(
    "div",
    { class: "screen month", "data-screen": `month-${code}` },
    h("p", { class: "crumbs" }, h("a", { href: back }, `← ${t("Tasks")}`)),
    head,
    form,
  );
}

/** The gestation month proposed for a new 2a record and what it is based on
 * (rules.gestation_for_month through rules.js): {month, note}. */
function proposedGestation(pregnancy, month, existing) {
  const earlier = existing
    .filter((x) => x.month < month && x.gestation_month)
    .sort((a, b) => (a.month < b.month ? 1 : -1))[0];
  const typed = earlier ? earlier.gestation_month : pregnancy.gestation_month;
  const typedIn = earlier ? earlier.month : pregnancy.created_at?.slice(0, 10) || app.today;
  if (!app.rules?.gestationForMonth) return { month: null, note: "" };
  try {
    const g = app.rules.gestationForMonth(month, {
      typed: typed ?? null,
      typedIn,
      dueDate: pregnancy.due_date ?? null,
      deliveryDate: pregnancy.delivery_date ?? null,
    });
    return { month: g?.month ?? null, note: g?.note || "" };
  } catch {
    return { month: null, note: "" };
  }
}

export function notFound() {
  return h(
    "div",
    { class: "screen", "data-screen": "not-found" },
    h("section", { class: "card" }, h("p", {}, t("Not found on this phone.")), h("a", { class: "button", href: "#/" }, `← ${t("Tasks")}`)),
  );
}

