// Tugas bulan ini, offline: the month's targets from IndexedDB with their state for the month,
// the search and filters of the online list (tikar/monitoring/filters.py, tasks.html), the
// month switch over the 6 months the phone holds, and each record's sync state in words.

import { attentionCount } from "./attention.js";
import {
  MONTHLY,
  activeIn,
  all,
  app,
  formsForMonth,
  posyanduList,
  posyanduName,
  pregnancyNeedsRecord,
  recentMonths,
  status,
  targetOf,
} from "./data.js";
import { h, monthLabel, select, t } from "./ui.js";

const FORM_LABEL = { "2a": "Pregnancy (2a)", "2b": "Child 0-23 months (2b)", "2c": "PAUD (2c)" };

/** Name, NIK (starts with) or KIA number of a task, as filters.search_q reads them. */
function matches(task, text) {
  const q = text.trim().replace(/\s+/g, " ").toLowerCase();
  if (!q) return true;
  const digits = q.replace(/ /g, "");
  const isDigits = /^\d+$/.test(digits);
  const names = [task.name, task.motherName].filter(Boolean).map((s) => s.toLowerCase());
  if (names.some((n) => n.includes(q))) return true;
  if ((task.target.kia_number || "").toLowerCase().includes(q)) return true;
  if (isDigits) {
    const niks = [task.nik, task.target.temp_number].filter(Boolean);
    if (niks.some((n) => String(n).startsWith(digits))) return true;
  }
  return false;
}

function groupName(task) {
  const posyandu = posyanduName(task.target.posyandu) || posyanduName(task.household?.posyandu);
  if (posyandu) return posyandu;
  const dusun = task.household?.dusun;
  if (dusun) return dusun.toLowerCase().startsWith("dusun") ? dusun : t("Dusun %(dusun)s", { dusun });
  return t("No posyandu or dusun yet");
}

/** Every task of `month`: [{form, kind, target, household, name, done, record}] in list order. */
export async function monthTasks(month) {
  const [households, mothers, pregnancies, children] = await Promise.all(
    ["household", "mother", "pregnancy", "child"].map((k) => all(k)),
  );
  const byId = (rows) => new Map(rows.map((r) => [r.id, r]));
  const hh = byId(households);
  const mo = byId(mothers);
  const records = {};
  for (const [form, kind] of Object.entries(MONTHLY)) {
    records[form] = new Map();
    for (const r of await all(kind)) {
      if (r.month && r.month.slice(0, 7) === month.slice(0, 7)) records[form].set(targetOf(r), r);
    }
  }
  const tasks = [];
  for (const p of pregnancies) {
    if (!activeIn("pregnancy", p, month) || !pregnancyNeedsRecord(p, month)) continue;
    const mother = mo.get(p.mother);
    const record = records["2a"].get(p.id) || null;
    tasks.push({
      form: "2a",
      kind: "pregnancy",
      target: p,
      household: mother ? hh.get(mother.household) : null,
      name: mother?.name || "",
      nik: mother?.nik,
      record,
      done: Boolean(record),
    });
  }
  for (const c of children) {
    if (!activeIn("child", c, month)) continue;
    for (const form of formsForMonth(c, month)) {
      const record = records[form].get(c.id) || null;
      tasks.push({
        form,
        kind: "child",
        target: c,
        household: hh.get(c.household) || null,
        name: c.name,
        nik: c.nik,
        motherName: mo.get(c.mother)?.name,
        record,
        done: Boolean(record),
      });
    }
  }
  for (const task of tasks) task.group = groupName(task);
  tasks.sort(
    (a, b) =>
      a.group.localeCompare(b.group) ||
      Number(a.done) - Number(b.done) ||
      a.name.toLowerCase().localeCompare(b.name.toLowerCase()) ||
      a.form.localeCompare(b.form),
  );
  return { tasks, households };
}

/** The state of a record in words: "belum terkirim" / "terkirim" / "perlu diperiksa: …". */
export function stateWords(st) {
  if (!st) return "";
  // The plumbing's words (tikar/field/messages.py), so the header and the rows agree.
  if (st.state === "unsent") return t("state_unsent");
  if (st.state === "check") return st.reason ? t("state_check_reason", { reason: st.reason }) : t("state_check");
  return t("state_sent");
}

export function stateBadge(st) {
  if (!st) return null;
  // field.css (helper D1) colours .sync-state.unsent / .sent / .check.
  return h("span", { class: `sync-state ${st.state}`, "data-sync": st.state }, stateWords(st));
}

export async function tasksScreen(params, query, go) {
  const months = recentMonths();
  let month = query.get("bulan") || months[0];
  if (!months.includes(month)) month = months[0];
  const filter = {
    cari: query.get("cari") || "",
    posyandu: query.get("posyandu") || "",
    dusun: query.get("dusun") || "",
    formulir: query.get("formulir") || "",
    belum: query.get("belum") === "1",
  };
  const { tasks, households } = await monthTasks(month);
  // Until the first download has finished the phone knows only part of the desa (or nothing):
  // "0 sasaran" and "register them first" would invite registering families already on the
  // server. app.js redraws this screen when the sync ends.
  const downloading = !(await app.store.meta.get("snapshot_done"));

  let shown = tasks.filter((task) => matches(task, filter.cari));
  if (filter.posyandu) {
    shown = shown.filter(
      (task) =>
        String(task.target.posyandu ?? "") === filter.posyandu ||
        ((task.target.posyandu === null || task.target.posyandu === undefined) &&
          String(task.household?.posyandu ?? "") === filter.posyandu),
    );
  }
  if (filter.dusun) shown = shown.filter((task) => task.household?.dusun === filter.dusun);
  if (filter.formulir) shown = shown.filter((task) => task.form === filter.formulir);
  if (filter.belum) shown = shown.filter((task) => !task.done);
  const filtered = Boolean(filter.cari || filter.posyandu || filter.dusun || filter.formulir || filter.belum);

  const waiting = (await app.store.unsentCount()) + ((await app.store.checkCount?.()) || 0);
  // Who needs attention now (2T, BGM, KEK, ...), worked out from the phone's data.
  const attention = downloading ? null : await attentionCount();
  const counts = { done: tasks.filter((x) => x.done).length, total: tasks.length };
  const dusun = [...new Set(households.map((x) => x.dusun).filter(Boolean))].sort();

  const navigate = (changes) => {
    const q = new URLSearchParams();
    const next = { bulan: month, ...filter, ...changes };
    for (const [k, v] of Object.entries(next)) {
      if (v === true) q.set(k, "1");
      else if (v) q.set(k, v);
    }
    go(`#/?${q}`);
  };

  const monthSwitch = select(
    "bulan",
    months.map((m) => [m, monthLabel(m)]),
    month,
  );
  monthSwitch.setAttribute("aria-label", t("Month"));
  monthSwitch.addEventListener("change", () => navigate({ bulan: monthSwitch.value }));

  const form = h(
    "form",
    { class: "card taskfilter", role: "search" },
    h("label", { for: "cari" }, t("Name, NIK or KIA number")),
    h(
      "div",
      { class: "searchrow" },
      h("input", { type: "search", name: "cari", id: "cari", value: filter.cari, autocomplete: "off" }),
      h("button", { class: "primary" }, t("Search")),
    ),
    h(
      "label",
      { class: "check onlytodo" },
      h("input", { type: "checkbox", name: "belum", value: "1", checked: filter.belum }),
      " ",
      t("Only not yet recorded"),
    ),
    h(
      "details",
      { class: "morefilters", open: Boolean(filter.posyandu || filter.dusun || filter.formulir) },
      h("summary", {}, t("Posyandu, dusun, form")),
      h(
        "div",
        { class: "three" },
        h(
          "div",
          {},
          h("label", { for: "f-posyandu" }, t("Posyandu")),
          withId(
            select(
              "posyandu",
              [["", t("All posyandu")], ...posyanduList().map((p) => [String(p.id), p.name])],
              filter.posyandu,
            ),
            "f-posyandu",
          ),
        ),
        h(
          "div",
          {},
          h("label", { for: "f-dusun" }, t("Dusun")),
          withId(select("dusun", [["", t("All dusun")], ...dusun.map((d) => [d, d])], filter.dusun), "f-dusun"),
        ),
        h(
          "div",
          {},
          h("label", { for: "f-formulir" }, t("Form")),
          withId(
            select(
              "formulir",
              [["", t("All forms")], ...Object.entries(FORM_LABEL).map(([k, v]) => [k, t(v)])],
              filter.formulir,
            ),
            "f-formulir",
          ),
        ),
      ),
      h("button", { class: "wide" }, t("Apply")),
    ),
    filtered
      ? h(
          "p",
          { class: "small filtered" },
          t("Matching targets: %(n)s", { n: shown.length }),
          " ",
          h("a", { class: "button", href: `#/?bulan=${month}` }, t("Clear the filter")),
        )
      : null,
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const fd = new FormData(form);
    navigate({
      cari: (fd.get("cari") || "").trim(),
      posyandu: fd.get("posyandu") || "",
      dusun: fd.get("dusun") || "",
      formulir: fd.get("formulir") || "",
      belum: fd.get("belum") === "1",
    });
  });
  form.querySelector('[name="belum"]').addEventListener("change", () => form.requestSubmit());

  const groups = new Map();
  for (const task of shown) {
    if (!groups.has(task.group)) groups.set(task.group, []);
    groups.get(task.group).push(task);
  }
  const sections = [];
  for (const [name, rows] of groups) {
    const items = [];
    for (const task of rows) {
      const st = task.record
        ? await status(MONTHLY[task.form], task.record.id)
        : await status(task.kind, task.target.id);
      const showState = task.record || st.state !== "sent";
      const hhLine = task.household
        ? ` · ${task.household.head_name}${task.household.rt ? ` · RT ${task.household.rt}` : ""}`
        : "";
      items.push(
        h(
          "li",
          { class: task.done ? "done" : "", "data-target": task.target.id, "data-form": task.form },
          h(
            "a",
            { href: `#/isi/${task.form}/${task.target.id}/${month.slice(0, 7)}` },
            h("span", { class: "mark", "aria-hidden": "true" }, task.done ? "✓" : "○"),
            h(
              "span",
              { class: "tname" },
              h("b", {}, task.name),
              h("small", {}, t(FORM_LABEL[task.form]), hhLine),
              showState ? h("small", { class: "syncline" }, stateBadge(st)) : null,
            ),
            h("span", { class: "state" }, task.done ? t("recorded") : t("to record")),
          ),
        ),
      );
    }
    sections.push(
      h(
        "section",
        { class: "card group" },
        h("h2", {}, name, " ", h("span", { class: "count" }, `${rows.filter((x) => x.done).length}/${rows.length}`)),
        h("ul", { class: "tasklist" }, items),
      ),
    );
  }
  if (!sections.length && !downloading) {
    sections.push(
      h(
        "section",
        { class: "card" },
        h(
          "p",
          { class: "muted" },
          filtered
            ? t("No target matches this search. Check the spelling, or clear the filter.")
            : t(
                "No targets to monitor this month. Register the pregnant women and children under two of your desa first.",
              ),
        ),
      ),
    );
  }

  const stats = h(
    "div",
    { class: "stats" },
    h("div", { class: "stat todo" }, h("b", {}, counts.total - counts.done), h("span", {}, t("to record"))),
    h("div", { class: "stat" }, h("b", {}, counts.done), h("span", {}, t("recorded"))),
    h("div", { class: "stat" }, h("b", {}, counts.total), h("span", {}, t("targets"))),
  );
  return h(
    "div",
    { class: "screen tasks", "data-screen": "tasks" },
    h("div", { class: "titlebar" }, h("h1", {}, `${t("Tasks")} · ${monthLabel(month)}`)),
    h("div", { class: "month-switch" }, monthSwitch),
    downloading ? firstDownload() : stats,
    h("p", {}, h("a", { class: "button primary wide-link", href: "#/daftar" }, `+ ${t("Register a household")}`)),
    waiting ? h("p", {}, h("a", { class: "button wide-link", href: "#/status", "data-testid": "status-link" }, t("See what is not sent yet"))) : null,
    attention
      ? h(
          "p",
          {},
          h(
            "a",
            { class: "button wide-link attention-link", href: "#/perhatian", "data-testid": "attention-link", "data-count": attention },
            `${t("Needs attention")} (${attention})`,
          ),
        )
      : null,
    form,
    sections,
  );
}

/** In place of the counts while the first download runs: it is running, or it stopped (no
 * signal, server down) and the sync retries later. */
function firstDownload() {
  const state = app.sync?.state;
  const failed = Boolean(state && !state.running && state.error);
  return h(
    "section",
    { class: "card", "data-testid": "first-download" },
    h(
      "p",
      { class: failed ? "note" : "muted", role: "status" },
      !failed ? t("Downloading the data of your desa…") : state.error === "login" ? t("sync_login") : t("first_download_failed"),
    ),
  );
}

function withId(el, id) {
  el.id = id;
  return el;
}
