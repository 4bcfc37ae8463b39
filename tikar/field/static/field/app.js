// The field app's screens: a hash router that fills <main id="app"> of the shell.
//
// Routes (the hash keeps the place across an offline reload, the shell is the one cached page):
//   #/?bulan=YYYY-MM-01&cari=&posyandu=&dusun=&formulir=&belum=1   Tugas bulan ini
//   #/isi/<2a|2b|2c>/<target uuid>/<YYYY-MM>                       the monthly entry
//   #/daftar                                                      register a household
//   #/persalinan/<pregnancy uuid>                                 record the delivery
//   #/bayi/<pregnancy uuid>                                       register the newborn
//   #/status, #/data/<kind>/<uuid>                                what is unsent / to check
//   #/perhatian                                                   who needs attention (issue 10)
//   #/ubah/<household|mother|pregnancy|child>/<uuid>              change a registered record
//
// The store and the sync come from the shell (shell.js `ready`, helper D1); the validation rules
// (rules.js, C2) and the WHO engine (who2006.js, C1) are loaded from the JSON the service
// worker caches. A screen whose module or data is missing still opens: the forms then check
// only the required answers, and the server checks everything again.

import { app } from "./screens/data.js";
import { attentionScreen } from "./screens/attention.js";
import { monthScreen } from "./screens/month.js";
import { recordScreen, statusScreen } from "./screens/record.js";
import { deliveryScreen, editScreen, newbornScreen, registerScreen } from "./screens/register.js";
import { tasksScreen } from "./screens/tasks.js";
import { h, t } from "./screens/ui.js";

const ROUTES = [
  [/^\/?$/, tasksScreen, []],
  [/^\/isi\/(2a|2b|2c)\/([\w-]+)\/(\d{4}-\d{2})$/, monthScreen, ["form", "id", "month"]],
  [/^\/daftar$/, registerScreen, []],
  [/^\/persalinan\/([\w-]+)$/, deliveryScreen, ["id"]],
  [/^\/bayi\/([\w-]+)$/, newbornScreen, ["id"]],
  [/^\/status$/, statusScreen, []],
  [/^\/perhatian$/, attentionScreen, []],
  [/^\/data\/(\w+)\/([\w-]+)$/, recordScreen, ["kind", "id"]],
  [/^\/ubah\/(household|mother|pregnancy|child)\/([\w-]+)$/, editScreen, ["kind", "id"]],
];

const main = () => document.getElementById("app");
let rendering = 0;
let current = "";
let flashShown = null;

/** Today on the phone (local calendar day); never earlier than the server's last "today". */
function localToday() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  const local = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const server = app.reference?.today;
  return server && server > local ? server : local;
}

function go(hash) {
  if (location.hash === hash) render();
  else location.hash = hash;
}

export async function render() {
  const ticket = ++rendering;
  const raw = location.hash.replace(/^#/, "") || "/";
  const [path, qs] = raw.split("?");
  const query = new URLSearchParams(qs || "");
  let screen = null;
  let params = {};
  for (const [re, fn, names] of ROUTES) {
    const m = path.match(re);
    if (m) {
      screen = fn;
      params = Object.fromEntries(names.map((n, i) => [n, m[i + 1]]));
      break;
    }
  }
  if (!screen) {
    go("#/");
    return;
  }
  app.today = localToday();
  let el;
  try {
    el = await screen(params, query, go);
  } catch (err) {
    console.error(err);
    el = h("section", { class: "card" }, h("p", { class: "error", role: "alert" }, t("Something went wrong on this screen.")));
  }
  if (ticket !== rendering) return; // a newer navigation won
  // A flash ("Tersimpan di HP, belum terkirim.") belongs to the screen it was set for: it
  // stays through redraws of that screen (a sync finishing) and goes with the next navigation.
  if (app.flash) {
    flashShown = { text: app.flash, raw };
    app.flash = null;
  } else if (flashShown && flashShown.raw !== raw) flashShown = null;
  const flash = flashShown?.text;
  main().replaceChildren(flash ? h("p", { class: "flash note", role: "status", "data-testid": "flash" }, flash) : "", el);
  main().dataset.screen = el.dataset?.screen || "";
  // Which address the screen shows (tests and screenshots wait for it after a navigation).
  main().dataset.route = raw;
  if (current !== raw) window.scrollTo(0, 0);
  current = raw;
}

async function loadJson(url) {
  const res = await fetch(url, { credentials: "same-origin" });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.json();
}

/** rules.js and who2006.js with their data; each may be missing while it is being built. */
async function loadEngines(urls) {
  const [rules, who] = await Promise.allSettled([
    Promise.all([import("./rules.js"), loadJson(urls.rules)]),
    Promise.all([import("./who2006.js"), loadJson(urls.who_tables)]),
  ]);
  if (rules.status === "fulfilled") {
    const [mod, json] = rules.value;
    mod.loadRules?.(json);
    app.rules = mod;
    // The posyandu's weighing judgement (weighing.js) reads its KBM tables from rules.json.
    if (json.growth) {
      try {
        const weighing = await import("./weighing.js");
        weighing.loadKbm(json.growth);
        app.weighing = weighing;
        app.growth = json.growth;
      } catch (e) {
        console.warn("weighing.js", e);
      }
    }
  } else console.warn("rules.js", rules.reason);
  if (who.status === "fulfilled") {
    const [mod, json] = who.value;
    mod.loadTables?.(json);
    app.who = mod;
  } else console.warn("who2006.js", who.reason);
}

async function start() {
  const shared = window.tikarField || (await import("./shell.js")).ready;
  const { store, sync, config } = await shared;
  app.store = store;
  app.sync = sync;
  app.config = config;
  app.reference = (await store.meta.get("reference")) || {};
  await loadEngines(config.urls || {}).catch((e) => console.warn(e));
  window.addEventListener("hashchange", render);
  // New data from a sync: redraw the lists (never a form being typed into).
  let wasRunning = false;
  let lastSync = null;
  sync.onChange(async (state) => {
    const finished = (wasRunning && !state.running) || (!state.running && state.last_sync !== lastSync);
    wasRunning = state.running;
    lastSync = state.last_sync;
    if (!finished) return;
    app.reference = (await store.meta.get("reference")) || app.reference;
    const screen = main().dataset.screen;
    if (screen === "tasks" || screen === "status" || screen === "record" || screen === "attention") render();
  });
  await render();
  document.body.dataset.appReady = "1";
}

start().catch((err) => {
  console.error(err);
  main()?.replaceChildren(h("p", { class: "error", role: "alert" }, t("first_download_failed")));
});
