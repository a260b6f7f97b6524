/** Account Health: remember the seller's rates so the popup can project what late orders do. */
import { firstMatch } from "../common/dom-read.js";
import { pageMarketplaceOf } from "../common/order-source.js";
import { readMetric } from "../../core/account-health.js";

const SETTLE_MS = 1500;

export function start({ compiled, adapter, reportProblem }) {
  // Account Health shows one marketplace (or region) at a time; its figures are kept by it.
  const marketplace = pageMarketplaceOf(adapter, compiled);
  const key = marketplace?.code || "ALL";
  const read = () => {
    if (!firstMatch(document, adapter.selectors.ready)) return;
    const figures = {};
    for (const [name, metric] of Object.entries(adapter.metrics || {})) {
      const card = cardFor(metric, adapter);
      const found = card && readMetric(card.textContent, metric, adapter.count_pattern);
      if (!found) continue;
      figures[name] = found.rate;
      const orders = name.replace(/^\D+/, "orders"); // lsr10 -> orders10
      if (found.orders !== undefined) figures[orders] = found.orders;
    }
    if (Object.keys(figures).length === 0) {
      reportProblem("no-metrics");
      return;
    }
    chrome.storage.local.get("accountHealth").then(({ accountHealth = {} }) =>
      chrome.storage.local.set({ accountHealth: { ...accountHealth, [key]: { ...figures, readAt: Date.now() } } }));
  };
  // The dashboard fills its cards after loading: read once it has settled.
  const timer = setTimeout(read, SETTLE_MS);
  return () => clearTimeout(timer);
}

/** The card around the metric's name: the smallest adapter card holding its label. */
function cardFor(metric, adapter) {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data.replace(/\s+/g, " ").trim();
    if (!metric.labels.some((label) => text.startsWith(label))) continue;
    for (const selector of adapter.selectors.metric_card) {
      const card = node.parentElement?.closest(selector);
      if (card) return card;
    }
  }
  return null;
}
