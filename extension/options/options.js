/** The options page: server, token, preferences, features, shortcuts, local data. */
import { OPTIONS_RELOAD_BUNDLE, OPTIONS_BUNDLE_STATE, OPTIONS_TEST_SERVER } from "../core/message-types.js";
import { loadFeatures, loadSettings, normaliseServerUrl, saveSettings, teamToken, tokenMayGoTo } from "../lib/settings.js";
import { t, words, translatePage } from "../lib/i18n.js";

const $ = (id) => document.getElementById(id);
const LOCAL_DATA = ["seenOrders", "orderMarks", "remedyLog", "pendingMessages", "notifiedOrders", "adapterProblems", "accountHealth"];

function say(id, text, problem = false) {
  $(id).classList.toggle("problem", problem);
  $(id).textContent = text;
}

function showState(state) {
  let text = t("optionsRulesVersion", [state.version, t(`source_${state.source}`)]);
  if (state.problem) text += ` ${t("optionsRulesProblem", [state.problem])}`;
  $("rules-state").textContent = text;
}

function serverUrlFromInput() {
  const input = $("server-url");
  const url = normaliseServerUrl(input.value);
  if (url) input.removeAttribute("aria-invalid");
  else input.setAttribute("aria-invalid", "true");
  if (!url) {
    say("server-feedback", t("optionsServerInvalid"), true);
    input.focus();
  }
  return url;
}

/** Refuses a token with an address it may not be sent to; nothing typed is cleared. */
function tokenAllowed(url, token) {
  const allowed = !token || tokenMayGoTo(url);
  if (allowed) $("team-token").removeAttribute("aria-invalid");
  else {
    $("team-token").setAttribute("aria-invalid", "true");
    say("server-feedback", t("optionsTokenNeedsTls"), true);
  }
  return allowed;
}

async function saveServer(event) {
  event.preventDefault();
  const url = serverUrlFromInput();
  const token = $("team-token").value.trim();
  if (!url || !tokenAllowed(url, token)) return;
  $("server-url").value = url;
  await chrome.storage.local.set({ teamToken: token });
  await saveSettings({ serverUrl: url });
  say("server-feedback", t("optionsSaved"));
}

async function testConnection() {
  const url = serverUrlFromInput();
  if (!url) return;
  say("server-feedback", t("optionsTesting"));
  const result = await chrome.runtime.sendMessage({ type: OPTIONS_TEST_SERVER, url });
  if (result.ok) say("server-feedback", t("optionsTestOk", [result.version]));
  else say("server-feedback", t("optionsTestFailed", [result.problem]), true);
}

async function reload() {
  $("rules-state").textContent = t("optionsReloading");
  showState(await chrome.runtime.sendMessage({ type: OPTIONS_RELOAD_BUNDLE }));
}

function fillPreferences(settings, state, features) {
  const select = $("message-locale");
  const auto = new Option(t("optionsMessageLanguageAuto"), "");
  select.replaceChildren(auto, ...state.messageLocales.map((locale) => new Option(words.languageName(locale), locale)));
  select.value = settings.messageLocale;
  $("due-soon-hours").value = settings.dueSoonHours ?? "";
  $("reminders-on").checked = settings.remindersOn;
  $("reminder-lead").value = settings.reminderLeadMinutes;
  $("quiet-start").value = settings.quietHours.start;
  $("quiet-end").value = settings.quietHours.end;
  fillShipping(settings, state);
  $("features").append(...features.map(({ id }) => {
    const box = Object.assign(document.createElement("input"), { type: "checkbox", name: "feature", value: id });
    box.checked = !settings.disabledFeatures.includes(id);
    const label = Object.assign(document.createElement("label"), { className: "inline" });
    label.append(box, ` ${t(`feature_${id.replaceAll("-", "_")}`)}`);
    return label;
  }));
  const metrics = settings.metrics;
  for (const [id, scale] of [["lsr10", 100], ["orders10", 1], ["cancel7", 100], ["orders7", 1]]) {
    $(id).value = metrics[id] === undefined ? "" : Math.round(metrics[id] * scale * 10) / 10;
  }
}

/** Carriers as checkboxes and ship-from regions, from the calendars of the bundle in use. */
function fillShipping(settings, state) {
  $("carriers").replaceChildren(...state.carrierChoices.map(({ id, name }) => {
    const box = Object.assign(document.createElement("input"), { type: "checkbox", name: "carrier", value: id });
    box.checked = settings.carriers.includes(id);
    const label = Object.assign(document.createElement("label"), { className: "inline" });
    label.append(box, ` ${name}`);
    return label;
  }));
  const select = $("ship-from-region");
  select.replaceChildren(new Option(t("optionsShipFromRegionNone"), ""), ...state.regionChoices.map((code) => new Option(code, code)));
  select.value = state.regionChoices.includes(settings.shipFromRegion) ? settings.shipFromRegion : "";
}

/** A number from a field, or undefined when empty; scaled (percent → fraction). */
function numberFrom(id, scale = 1) {
  const text = $(id).value.trim();
  if (text === "") return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value / scale : Number.NaN;
}

/** Preferences apply as soon as they change; only the server address has a Save button. */
async function savePreferences(event) {
  event.preventDefault();
  const form = $("prefs-form");
  if (!form.checkValidity()) {
    say("prefs-feedback", t("optionsPreferencesInvalid"), true);
    form.reportValidity();
    return;
  }
  const remindersOn = $("reminders-on").checked;
  // Notifications are requested only when the seller turns reminders on (a click: a user gesture).
  if (remindersOn && !(await chrome.permissions.request({ permissions: ["notifications"] }))) {
    $("reminders-on").checked = false;
    say("prefs-feedback", t("optionsRemindersDenied"), true);
    return;
  }
  const metrics = Object.fromEntries([["lsr10", 100], ["orders10", 1], ["cancel7", 100], ["orders7", 1]]
    .map(([id, scale]) => [id, numberFrom(id, scale)]).filter(([, v]) => v !== undefined && !Number.isNaN(v)));
  const dueSoon = numberFrom("due-soon-hours");
  await saveSettings({
    messageLocale: $("message-locale").value,
    dueSoonHours: dueSoon > 0 ? dueSoon : null,
    remindersOn,
    reminderLeadMinutes: numberFrom("reminder-lead") || 120,
    quietHours: { start: $("quiet-start").value, end: $("quiet-end").value },
    disabledFeatures: [...document.querySelectorAll('input[name="feature"]')].filter((b) => !b.checked).map((b) => b.value),
    metrics,
    carriers: [...document.querySelectorAll('input[name="carrier"]')].filter((b) => b.checked).map((b) => b.value),
    shipFromRegion: $("ship-from-region").value,
  });
  say("prefs-feedback", t("optionsPreferencesSaved"));
}

async function showShortcuts() {
  const commands = await chrome.commands.getAll();
  $("shortcuts").replaceChildren(...commands.map((command) => {
    const item = document.createElement("li");
    const keys = Object.assign(document.createElement("kbd"), { textContent: command.shortcut || t("optionsShortcutUnset") });
    item.append(keys, ` ${command.description || t("commandOpenPopup")}`);
    return item;
  }));
}

async function resetLocalData() {
  if (!window.confirm(t("optionsResetConfirm"))) return;
  await chrome.storage.local.remove(LOCAL_DATA);
  say("reset-feedback", t("optionsResetDone"));
}

/** Until the saved settings are shown, what a seller typed would be overwritten by them, and a
 * Save would submit the page itself: the controls wait, disabled, and the page says it is busy. */
function busy(waiting) {
  for (const control of document.querySelectorAll("input, select, button")) control.disabled = waiting;
  document.body.setAttribute("aria-busy", String(waiting));
}

async function init() {
  translatePage(document);
  busy(true);
  const [settings, state, token, features] = await Promise.all([
    loadSettings(), chrome.runtime.sendMessage({ type: OPTIONS_BUNDLE_STATE }), teamToken(), loadFeatures(),
  ]);
  $("server-url").value = settings.serverUrl;
  $("team-token").value = token;
  // The address may have come from another browser (it syncs; the token does not).
  tokenAllowed(settings.serverUrl, token);
  showState(state);
  fillPreferences(settings, state, features);
  showShortcuts();
  $("server-form").addEventListener("submit", saveServer);
  $("test-connection").addEventListener("click", testConnection);
  $("reload-rules").addEventListener("click", reload);
  $("prefs-form").addEventListener("change", savePreferences);
  $("prefs-form").addEventListener("submit", savePreferences);
  $("reset-data").addEventListener("click", resetLocalData);
  busy(false);
  chrome.storage.onChanged.addListener(async (changes, area) => {
    if (area === "local" && (changes.bundle || changes.lastProblem)) {
      showState(await chrome.runtime.sendMessage({ type: OPTIONS_BUNDLE_STATE }));
    }
  });
}

init();
