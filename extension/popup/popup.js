/** The toolbar popup: Seller Central access if withheld, orders needing action, what they do to the metrics, log export, diagnostics. */
import { POPUP_ATTENTION, OPTIONS_BUNDLE_STATE } from "../core/message-types.js";
import { badgeText } from "../core/countdown.js";
import { choices, claimRisks, percent } from "../core/projections.js";
import { lastSeenAt } from "../core/attention.js";
import { isSwitchedOff } from "../core/features.js";
import { loadSettings } from "../lib/settings.js";
import { sellerCentralOrigins, withheldOrigins, hostOf } from "../lib/site-access.js";
import { remedyLogCsv } from "./log-csv.js";
import { t, plural, words, translatePage } from "../lib/i18n.js";

const STALE_AFTER_MS = 2 * 3600 * 1000;
const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

function showOrders(orders, now) {
  $("no-orders").hidden = orders.length > 0;
  $("orders").replaceChildren(...orders.map((order) => {
    const link = el("a", {
      href: `https://${order.host}/orders-v3/order/${encodeURIComponent(order.orderId)}`,
      target: "_blank", rel: "noopener", textContent: order.orderId,
    });
    const text = badgeText({ status: order.status, deadline: order.deadline }, now, words);
    return el("li", {}, link, el("span", { className: `status-${order.status}`, textContent: text }),
      el("span", { className: "market", textContent: order.marketplace }));
  }));
}

function showStale(seen, now) {
  const last = lastSeenAt(seen);
  $("stale").hidden = !(last && now - last > STALE_AFTER_MS);
  $("stale").textContent = t("popupStale");
}

/**
 * Figures are per marketplace: Account Health read there, else read without one, else
 * what the seller typed in the options.
 */
function figuresFor(code, health, typed) {
  return health[code] || health.ALL || typed;
}

function projectionLines(orders, metrics, label) {
  const { shipLate, cancel } = choices(metrics, orders.length);
  const n = orders.length;
  const rates = ({ before, after, limit }) => [n, ...[before, after, limit].map((rate) => percent(rate, words.locale))];
  const lines = [];
  if (shipLate) lines.push(plural("popupProjectLate", n, rates(shipLate)));
  if (cancel) lines.push(plural("popupProjectCancel", n, rates(cancel)));
  return label ? lines.map((line) => t("labelledText", [label, line])) : lines;
}

function showProjection(orders, health, typed, seen, now) {
  const byMarketplace = new Map();
  for (const order of orders) byMarketplace.set(order.marketplace, [...(byMarketplace.get(order.marketplace) || []), order]);
  const several = byMarketplace.size > 1;
  let lines = [...byMarketplace].flatMap(([code, group]) =>
    projectionLines(group, figuresFor(code, health, typed), several ? code : ""));
  if (orders.length && lines.length === 0) lines = [t("popupProjectNoFigures")];
  $("projection-lines").replaceChildren(...lines.map((line) => el("li", { textContent: line })));
  const risks = claimRisks(Object.entries(seen).map(([orderId, e]) => ({ orderId, ...e })), now);
  $("claim-risk").hidden = risks.length === 0;
  $("claim-risk").textContent = plural("popupClaimRisk", risks.length);
  $("projection").hidden = lines.length === 0 && risks.length === 0;
}

/** The notice and one-click grant when the browser withholds Seller Central access. */
async function showSiteAccess() {
  const withheld = await withheldOrigins();
  $("site-access").hidden = withheld.length === 0;
  if (withheld.length === 0) return;
  $("site-access-text").textContent = withheld.length === sellerCentralOrigins().length
    ? t("popupAccessMissing")
    : t("popupAccessMissingSome", [withheld.map(hostOf).join(", ")]);
  // permissions.request must run in the click itself (a user gesture), so the list is ready now.
  $("grant-access").onclick = () => {
    chrome.permissions.request({ origins: withheld }).then((granted) => {
      if (!granted) return;
      $("site-access").hidden = true;
      $("access-granted").hidden = false;
    }, (error) => console.debug("Shipguard access request:", error));
  };
}

async function showDiagnostics() {
  const state = await chrome.runtime.sendMessage({ type: OPTIONS_BUNDLE_STATE });
  const { adapterProblems = [] } = await chrome.storage.local.get("adapterProblems");
  const lines = [
    `version ${chrome.runtime.getManifest().version}`,
    `rules ${state.version} (${state.source}) from ${state.serverUrl}`,
    `last fetch ${state.fetchedAt ? new Date(state.fetchedAt).toISOString() : "never"}${state.problem ? `: ${state.problem}` : ""}`,
    ...adapterProblems.slice(0, 10).map((p) => `adapter ${p.pageId}: ${p.step} on ${p.path} (rules ${p.version}) ${new Date(p.at).toISOString()}`),
  ];
  $("diagnostics-text").textContent = lines.join("\n");
}

async function exportLog() {
  const { remedyLog = [] } = await chrome.storage.local.get("remedyLog");
  const url = URL.createObjectURL(new Blob([remedyLogCsv(remedyLog)], { type: "text/csv" }));
  const link = el("a", { href: url, download: "shipguard-remedy-log.csv" });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function init() {
  translatePage(document);
  const now = Date.now();
  const [orders, settings, stored, state] = await Promise.all([
    chrome.runtime.sendMessage({ type: POPUP_ATTENTION }),
    loadSettings(),
    chrome.storage.local.get(["seenOrders", "accountHealth"]),
    chrome.runtime.sendMessage({ type: OPTIONS_BUNDLE_STATE }),
  ]);
  const seen = stored.seenOrders || {};
  await showSiteAccess();
  showOrders(orders, now);
  showStale(seen, now);
  if (!isSwitchedOff("projections", state.killSwitch, settings.disabledFeatures)) {
    showProjection(orders, stored.accountHealth || {}, settings.metrics, seen, now);
  }
  $("open-options").addEventListener("click", (event) => {
    event.preventDefault();
    chrome.runtime.openOptionsPage();
  });
  $("export-log").addEventListener("click", exportLog);
  $("copy-diagnostics").addEventListener("click", () => navigator.clipboard.writeText($("diagnostics-text").textContent));
  $("diagnostics").addEventListener("toggle", showDiagnostics, { once: true });
}

init();
