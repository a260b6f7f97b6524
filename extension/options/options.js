/** The options page: server URL and the rules version in use. */
import { OPTIONS_RELOAD_BUNDLE, OPTIONS_BUNDLE_STATE } from "../core/message-types.js";
import { normaliseServerUrl, serverUrl } from "../background/settings.js";

const t = (key, subs = []) => chrome.i18n.getMessage(key, subs.map(String)) || key;
const $ = (id) => document.getElementById(id);

function translatePage() {
  document.documentElement.lang = chrome.i18n.getUILanguage();
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
}

function showState(state) {
  const from = t(`source_${state.source}`);
  let text = t("optionsRulesVersion", [state.version, from]);
  if (state.problem) text += ` ${t("optionsRulesProblem", [state.problem])}`;
  $("rules-state").textContent = text;
}

async function save(event) {
  event.preventDefault();
  const input = $("server-url");
  const feedback = $("server-feedback");
  const url = normaliseServerUrl(input.value);
  if (!url) {
    input.setAttribute("aria-invalid", "true");
    feedback.classList.add("problem");
    feedback.textContent = t("optionsServerInvalid");
    input.focus();
    return;
  }
  input.removeAttribute("aria-invalid");
  feedback.classList.remove("problem");
  input.value = url;
  await chrome.storage.sync.set({ serverUrl: url });
  feedback.textContent = t("optionsSaved");
}

async function reload() {
  $("rules-state").textContent = t("optionsReloading");
  showState(await chrome.runtime.sendMessage({ type: OPTIONS_RELOAD_BUNDLE }));
}

async function init() {
  translatePage();
  $("server-url").value = await serverUrl();
  $("server-form").addEventListener("submit", save);
  $("reload-rules").addEventListener("click", reload);
  showState(await chrome.runtime.sendMessage({ type: OPTIONS_BUNDLE_STATE }));
  chrome.storage.onChanged.addListener(async (changes, area) => {
    if (area === "local" && (changes.bundle || changes.lastProblem)) {
      showState(await chrome.runtime.sendMessage({ type: OPTIONS_BUNDLE_STATE }));
    }
  });
}

init();
