// Small DOM helpers shared by the screens: element building, translated words, the form
// controls drawn exactly like the online forms (households/_field.html, ToggleSelect), dates.
//
// Words: `t(key)` reads the dict the shell renders as JSON (<script id="field-messages">,
// built from tikar/field/messages.py + messages_screens.py through gettext), so every word a
// KPM reads is in Bahasa Indonesia from Django's catalogue. A missing key shows the key itself,
// which the tests would catch.

let MESSAGES = null;

function messages() {
  if (MESSAGES === null) {
    const el = document.getElementById("field-messages");
    try {
      MESSAGES = el ? JSON.parse(el.textContent) : {};
    } catch {
      MESSAGES = {};
    }
  }
  return MESSAGES;
}

/** The translated words for `key`; `vars` fills Django-style "%(name)s" placeholders. */
export function t(key, vars) {
  let s = messages()[key] ?? key;
  if (vars) {
    for (const [k, v] of Object.entries(vars)) {
      s = s.split(`%(${k})s`).join(String(v)).split(`{${k}}`).join(String(v));
    }
  }
  return s;
}

/**
 * h("div", {class: "x", onclick: fn}, child, [children], "text") → HTMLElement.
 * Attributes starting with "on" become listeners; false/null/undefined attributes and
 * children are skipped, so conditions can be written inline.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v === null || v === undefined) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "value" && "value" in el) el.value = v;
    else if (k === "checked" || k === "selected" || k === "disabled") el[k] = Boolean(v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false || c === "") continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

let uid = 0;
function nextId(name) {
  uid += 1;
  return `f-${name}-${uid}`;
}

/** The wrapper of one field: label, control, help and errors (households/_field.html). */
export function field(name, label, control, { help, errors, id } = {}) {
  const wrap = h(
    "div",
    { class: "field", "data-field": name },
    h("label", { for: id || control.id }, label),
    control,
    help ? h("small", { class: "help" }, help) : null,
    h("span", { class: "errors" }),
  );
  setErrors(wrap, errors);
  return wrap;
}

/** Show `errors` (list of Indonesian sentences) on a field wrapper; empty clears. */
export function setErrors(wrap, errors) {
  const box = wrap.querySelector(":scope > .errors");
  box.replaceChildren(...(errors || []).map((e) => h("small", { class: "error", role: "alert" }, e)));
  wrap.classList.toggle("has-error", Boolean(errors && errors.length));
}

/** A text/date/number input. `value` is shown as is. */
export function input(name, { type = "text", value = "", inputmode, attrs = {} } = {}) {
  return h("input", {
    type,
    name,
    id: nextId(name),
    value: value ?? "",
    inputmode,
    autocomplete: "off",
    ...attrs,
  });
}

/** A <select>; `choices` = [[value, label], ...]. */
export function select(name, choices, value) {
  const el = h("select", { name, id: nextId(name) });
  for (const [v, label] of choices) {
    el.append(h("option", { value: v, selected: String(v) === String(value ?? "") }, label));
  }
  return el;
}

/**
 * Big toggles as the online ToggleSelect draws them: a fieldset with a legend, each radio
 * followed by its own label, so kpm.css styles the chosen one.
 */
export function toggle(name, label, choices, value, { help, errors } = {}) {
  const group = h("div", { class: "toggle", id: nextId(name) });
  for (const [v, text] of choices) {
    const id = nextId(`${name}-${v || "none"}`);
    group.append(
      h("input", { type: "radio", name, value: v, id, checked: String(v) === String(value ?? "") }),
      h("label", { for: id }, text),
    );
  }
  const wrap = h(
    "fieldset",
    { class: "field field-toggle", "data-field": name },
    h("legend", {}, label),
    group,
    help ? h("small", { class: "help" }, help) : null,
    h("span", { class: "errors" }),
  );
  setErrors(wrap, errors);
  return wrap;
}

/** A yes/no question with the third state "Belum diisi" (null), as the online yes_no(). */
export function yesNo(name, label, value, opts = {}) {
  const v = value === true ? "1" : value === false ? "0" : "";
  const choices = [
    ["1", t("Yes")],
    ["0", t("No")],
  ];
  if (!opts.required) choices.push(["", t("Not filled in")]);
  return toggle(name, label, choices, v, opts);
}

/** A checkbox confirmation (the online confirm_* fields). */
export function confirmBox(name, label) {
  const id = nextId(name);
  const wrap = h(
    "div",
    { class: "field confirm", "data-field": name },
    h("span", { class: "errors" }),
    h("label", { for: id }, h("input", { type: "checkbox", name, id }), " ", h("span", {}, label)),
  );
  return wrap;
}

/** The value of a named control inside `form`: radios give the checked value ("" if none). */
export function valueOf(form, name) {
  const els = form.querySelectorAll(`[name="${name}"]`);
  if (!els.length) return undefined;
  if (els[0].type === "radio") {
    const on = [...els].find((e) => e.checked);
    return on ? on.value : "";
  }
  if (els[0].type === "checkbox") return els[0].checked;
  return els[0].value.trim();
}

export const yesNoValue = (v) => (v === "1" ? true : v === "0" ? false : null);

/** "7,5" or "7.5" → "7.5" (the wire's decimal), "" → null; anything else is kept for the rules. */
export function decimalValue(v) {
  if (v === undefined || v === null) return null;
  const s = String(v).trim().replace(",", ".");
  return s === "" ? null : s;
}

/** A stored decimal as typed in Indonesia: "7.5" → "7,5". */
export function decimalShown(v) {
  if (v === null || v === undefined || v === "") return "";
  return String(v).replace(".", ",");
}

export const intValue = (v) => (v === "" || v === undefined || v === null ? null : Number(v));

/** Put `errors` ({field: [messages]}) on the form's fields; returns the ones with no field. */
export function showErrors(form, errors) {
  for (const w of form.querySelectorAll("[data-field]")) setErrors(w, null);
  const loose = [];
  for (const [name, list] of Object.entries(errors || {})) {
    const wrap = form.querySelector(`[data-field="${name}"]`);
    if (wrap) setErrors(wrap, list);
    else loose.push(...list);
  }
  return loose;
}

// -- dates -----------------------------------------------------------------------------------

export function parseDay(s) {
  if (!s) return null;
  const [y, m, d] = s.slice(0, 10).split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export function isoDay(d) {
  return d.toISOString().slice(0, 10);
}

/** "2026-11-01" + n months → "2026-12-01" (months as first days). */
export function addMonths(month, n) {
  const d = parseDay(month);
  return isoDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1)));
}

export function monthOf(day) {
  return `${day.slice(0, 7)}-01`;
}

export function monthEnd(month) {
  const d = parseDay(month);
  return isoDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)));
}

const MONTH_FMT = new Intl.DateTimeFormat("id-ID", { month: "long", year: "numeric", timeZone: "UTC" });
const DAY_FMT = new Intl.DateTimeFormat("id-ID", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** "November 2026", as the server's month_label spells it (Indonesian month names). */
export function monthLabel(month) {
  return MONTH_FMT.format(parseDay(month));
}

export function dayLabel(day) {
  return day ? DAY_FMT.format(parseDay(day)) : "";
}

/** Completed calendar months and days from birth to day (rules.age_on). */
export function ageOn(birth, day) {
  const b = parseDay(birth);
  let d = parseDay(day);
  if (d < b) d = b;
  let months = (d.getUTCFullYear() - b.getUTCFullYear()) * 12 + d.getUTCMonth() - b.getUTCMonth();
  // scorecard.evaluate.age_in_months: a month is complete when the day of the month is reached.
  if (d.getUTCDate() < b.getUTCDate()) months -= 1;
  return { months, days: Math.round((d - b) / 86400000) };
}

/** A new record id (the phone makes the UUID of everything it creates). */
export function newId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const x = [...b].map((n) => n.toString(16).padStart(2, "0")).join("");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/**
 * Run `handler(ev)` on `form`'s submit, one save at a time: a double tap on "Daftar"/"Simpan"
 * (or Enter pressed twice) must not register a household twice. From the first submit until
 * the handler ends, the form's submit buttons are disabled (aria-busy) and further submits are
 * ignored. The handler returns true once it has saved and navigated away: the buttons then
 * stay disabled until the next screen replaces the form, so a tap in between saves nothing.
 * On a refusal (errors, warnings to confirm: handler returns falsy) or a failure (it throws)
 * the form is usable again.
 */
export function onSubmitOnce(form, handler) {
  let busy = false;
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (busy) return;
    busy = true;
    const buttons = [...form.querySelectorAll("button")].filter((b) => b.type === "submit");
    for (const b of buttons) {
      b.disabled = true;
      b.setAttribute("aria-busy", "true");
    }
    form.dataset.saving = "1";
    let done = false;
    try {
      done = Boolean(await handler(ev));
    } finally {
      if (!done) {
        busy = false;
        delete form.dataset.saving;
        for (const b of buttons) {
          b.disabled = false;
          b.removeAttribute("aria-busy");
        }
      }
    }
  });
}
