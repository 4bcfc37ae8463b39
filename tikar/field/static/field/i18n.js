// The field app's words and configuration, read from the JSON data blocks the shell renders
// (json_script: the Content-Security-Policy refuses inline scripts, not data blocks).
//   t("unsent_count", {n: 3}) → "3 belum terkirim"   (placeholders are {name})
//   config() → {version, user: {username, display_name, role, village_code, village_name},
//              urls: {app, sw, sync, reference, who_tables, rules, login, logout, home}}

let messages = null;
let cfg = null;

function readBlock(id) {
  const el = typeof document !== "undefined" ? document.getElementById(id) : null;
  return el ? JSON.parse(el.textContent) : {};
}

/** Replace the messages (tests, or a page without the data block). */
export function setMessages(dict) {
  messages = { ...dict };
}

/** The translated text of `key`, with {name} placeholders filled from `params`; the key itself
 * when unknown, so a missing word is visible instead of an empty label. */
export function t(key, params = {}) {
  if (messages === null) messages = readBlock("field-messages");
  const text = Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** The shell's configuration block (see top of file). */
export function config() {
  if (cfg === null) cfg = readBlock("field-config");
  return cfg;
}
