// The shell around the screens: opens the user's store, starts sync, registers the service
// worker, and keeps the header (unsent counter, last sync, online state, "Kirim sekarang"),
// the update banner and the logout warning up to date on every screen.
//
// The screens (app.js, helper D2) wait for it:
//   import { ready } from "./shell.js";
//   const { store, sync, t, config } = await ready;
// (Loaded by its plain static URL everywhere, so the page and app.js share one instance.)

import { deleteStore, openStore } from "./db.js";
import { config, t } from "./i18n.js";
import { createSync } from "./sync.js";

const $ = (id) => document.getElementById(id);

function when(iso) {
  if (!iso) return t("last_sync_never");
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, "0");
  const date = `${pad(d.getDate())}/${pad(d.getMonth() + 1)}`;
  return t("last_sync", { when: `${date} ${pad(d.getHours())}:${pad(d.getMinutes())}` });
}

function renderHeader(state) {
  const unsent = $("unsent");
  if (unsent && state.unsent !== null) {
    unsent.textContent = state.unsent ? t("unsent_count", { n: state.unsent }) : t("unsent_none");
    unsent.dataset.count = String(state.unsent);
    unsent.classList.toggle("has-unsent", state.unsent > 0);
  }
  const check = $("checkcount");
  if (check) {
    check.hidden = !state.check;
    check.textContent = t("check_count", { n: state.check });
  }
  const last = $("lastsync");
  if (last) last.textContent = when(state.last_sync);
  const net = $("net");
  if (net) {
    net.dataset.state = state.online ? "online" : "offline";
    net.textContent = state.online ? t("online") : t("offline");
  }
  const button = $("sync-now");
  if (button) {
    button.disabled = state.running;
    button.textContent = state.running ? t("syncing") : t("sync_now");
  }
  const msg = $("sync-message");
  if (msg) {
    msg.replaceChildren();
    if (state.error === "login") {
      msg.append(t("sync_login"), " ");
      const a = document.createElement("a");
      a.href = config().urls.login;
      a.textContent = t("sync_login_link");
      msg.append(a);
    } else if (state.message && !state.running) {
      // A success ("Terkirim …") is said once per sync: redrawing the header after a later
      // save (now unsent again, perhaps without signal) must not repeat it.
      const key = `${state.message}|${state.last_sync}`;
      if (state.error || key !== renderHeader.faded) msg.textContent = state.message;
    }
    msg.hidden = !msg.textContent;
    msg.dataset.error = state.error || "";
    // "Terkirim" fades after a while; problems stay until the next sync.
    clearTimeout(renderHeader.hideTimer);
    if (!state.error && !state.running && !msg.hidden) {
      const key = `${state.message}|${state.last_sync}`;
      renderHeader.hideTimer = setTimeout(() => {
        msg.hidden = true;
        renderHeader.faded = key;
      }, 8000);
    }
  }
}

async function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return null;
  const { urls } = config();
  const reg = await navigator.serviceWorker.register(urls.sw, { scope: urls.app });
  const banner = $("update-banner");
  const showUpdate = (worker) => {
    if (!banner || !worker) return;
    banner.querySelector("span").textContent = t("update_ready");
    const button = $("update-now");
    button.textContent = t("update_now");
    button.onclick = () => worker.postMessage({ type: "SKIP_WAITING" });
    banner.hidden = false;
  };
  // A new version waits until every window of the old one is closed, or until the KPM taps
  // "Perbarui": never in the middle of a form. Its activation does not touch IndexedDB.
  if (reg.waiting && navigator.serviceWorker.controller) showUpdate(reg.waiting);
  reg.addEventListener("updatefound", () => {
    const worker = reg.installing;
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed" && navigator.serviceWorker.controller) showUpdate(worker);
    });
  });
  let reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (reloading || !banner || banner.hidden) return;
    reloading = true;
    window.location.reload();
  });
  return reg;
}

function setupLogout(store, sync) {
  const button = $("logout");
  const dialog = $("logout-dialog");
  const form = $("logout-form");
  if (!button || !form) return;
  const user = config().user;
  const logout = async () => {
    // Nothing unsent and nothing to check: forget this user's data on the phone (it is
    // downloaded again at the next login). Otherwise keep it for this user's next login (a
    // refused record's values exist only here); nobody else's database name matches it.
    if ((await store.unsentCount()) === 0 && (await store.checkCount()) === 0) {
      store.close();
      await deleteStore(user).catch(() => null);
    }
    // The cached shell carries this user's name: drop it so an offline start shows nothing.
    navigator.serviceWorker?.controller?.postMessage({ type: "FORGET_SHELL" });
    form.submit();
  };
  const showButtons = (offline) => {
    for (const b of ["logout-send", "logout-anyway"]) if ($(b)) $(b).hidden = offline;
  };
  // Logging out needs the server (it ends the session there). Without signal the form's POST
  // would land on the browser's "no internet" page after the cached shell was dropped, with
  // the server session still open: say so in the app's own dialog and do nothing else.
  const offlineSaid = () => {
    if (navigator.onLine) return false;
    if (dialog?.open) dialog.close();
    $("logout-title").textContent = t("logout_offline_title");
    $("logout-text").textContent = t("logout_offline_text");
    $("logout-cancel").textContent = t("close");
    showButtons(true);
    dialog?.showModal();
    return true;
  };
  button.addEventListener("click", async () => {
    if (offlineSaid()) return;
    const n = await store.unsentCount();
    const c = await store.checkCount();
    if ((!n && !c) || !dialog) return logout();
    showButtons(false);
    $("logout-title").textContent = t("logout_title");
    const words = [];
    if (n) words.push(t("logout_unsent", { n }));
    if (c) words.push(t("logout_check", { n: c }));
    $("logout-text").textContent = words.join(" ");
    $("logout-send").textContent = t("logout_send_first");
    $("logout-anyway").textContent = t("logout_anyway");
    $("logout-cancel").textContent = t("cancel");
    dialog.showModal();
  });
  $("logout-send")?.addEventListener("click", async () => {
    dialog.close();
    await sync.syncNow();
  });
  $("logout-anyway")?.addEventListener("click", () => {
    dialog.close();
    if (offlineSaid()) return;
    logout();
  });
  $("logout-cancel")?.addEventListener("click", () => dialog.close());
}

async function showPersistence(store) {
  const persisted = await store.askPersistence();
  const note = $("storage-note");
  if (note && persisted !== null) {
    note.textContent = persisted ? t("storage_persisted") : t("storage_not_persisted");
    note.dataset.persisted = String(persisted);
  }
}

async function start() {
  const cfg = config();
  const store = await openStore(cfg.user);
  const sync = createSync(store, { urls: cfg.urls, t });
  sync.onChange(renderHeader);
  $("sync-now")?.addEventListener("click", () => sync.syncNow());
  setupLogout(store, sync);
  registerServiceWorker().catch((e) => console.error("service worker", e));
  showPersistence(store).catch(() => null);
  sync.start();
  return { store, sync, t, config: cfg };
}

export const ready = start();
// For code that cannot import this module by the same URL.
window.tikarField = ready;
