/** The content script's entry: gets the bundle, picks the page's feature, keeps it current. */
import { CONTENT_GET_BUNDLE, BACKGROUND_COMMAND } from "../core/message-types.js";
import { loadSettings } from "../lib/settings.js";
import { COMMANDS } from "./common/commands.js";
import { compileBundle } from "../core/compiled-bundle.js";
import { bundleProblems } from "../core/bundle-check.js";
import { showLayoutNotice, removeLayoutNotice } from "./common/notice.js";
import { PageData } from "./common/page-data.js";
import { recordProblem } from "./common/diagnostics.js";

// One module per page kind; the key is the adapter id, the kill-switch key and the log prefix.
const FEATURES = {
  "orders-list": () => import("./orders-list/orders-list.js").then((m) => m.startOrdersList),
  "order-details": () => import("./order-details/order-details.js").then((m) => m.startOrderDetails),
  "confirm-shipment": () => import("./confirm-shipment/confirm-shipment.js").then((m) => m.startConfirmShipment),
  "contact-buyer": () => import("./contact-buyer/contact-buyer.js").then((m) => m.startContactBuyer),
  "account-health": () => import("./account-health/account-health.js").then((m) => m.startAccountHealth),
};

const NAVIGATION_POLL_MS = 1000;
// Settings that change what the overlay shows; the others (server URL, reminders) do not.
const OVERLAY_SETTINGS = ["dueSoonHours", "disabledFeatures", "messageLocale", "carriers", "shipFromRegion"];

const pageData = new PageData();
let compiled = null;
let bundle = null;
let settings = {};
let running = null; // {pageId, stop}
let routedUrl = null;

export async function start() {
  pageData.listen();
  const [received, loaded] = await Promise.all([chrome.runtime.sendMessage({ type: CONTENT_GET_BUNDLE }), loadSettings()]);
  settings = loaded;
  if (document.readyState === "loading") {
    await new Promise((resolve) => document.addEventListener("DOMContentLoaded", resolve, { once: true }));
  }
  useBundle(received);
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === "local" && changes.bundle?.newValue) safely(() => useBundle(changes.bundle.newValue));
    if (area === "sync" && OVERLAY_SETTINGS.some((key) => key in changes)) {
      safely(async () => useBundle(bundle, await loadSettings()));
    }
  });
  chrome.runtime.onMessage.addListener((message, sender) => {
    if (sender.id === chrome.runtime.id && message?.type === BACKGROUND_COMMAND) safely(() => COMMANDS[message.command]?.());
  });
  // Seller Central moves between page kinds without loading a page.
  setInterval(() => safely(route), NAVIGATION_POLL_MS);
}

/** Use a bundle (and new settings); anything that changes the rules rebuilds the overlay. */
function useBundle(next, nextSettings = settings) {
  if (bundleProblems(next).length > 0) return;
  if (compiled && compiled.version === next.version && settings === nextSettings) return;
  bundle = next;
  settings = nextSettings;
  compiled = compileBundle(bundle, settings);
  pageData.useBundle(compiled);
  // New rules (selectors, thresholds, kill switches): rebuild the overlay from scratch.
  running?.stop();
  running = null;
  routedUrl = null;
  safely(route);
}

/** The page kind is decided by path; the query matters too on the contact page. */
const currentUrl = () => location.pathname + location.search;

async function route() {
  if (!compiled || currentUrl() === routedUrl) return;
  const page = compiled.pageFor(location.pathname);
  const samePage = running && page && running.pageId === page.id && running.path === location.pathname;
  routedUrl = currentUrl();
  // Pagination changes only the query string: the list feature follows its rows itself.
  if (samePage && page.id === "orders-list") return;
  running?.stop();
  running = null;
  removeLayoutNotice();
  if (!page || !FEATURES[page.id] || compiled.isDisabled(page.id)) return;
  const startFeature = await FEATURES[page.id]();
  if (routedUrl !== currentUrl() || running) return; // navigated on while loading
  const stop = startFeature({
    compiled,
    adapter: page,
    pageData,
    reportProblem: (step) => {
      console.debug(`Shipguard ${page.id}: layout not recognised (${step})`);
      recordProblem(page.id, step, compiled.version);
      showLayoutNotice(compiled.version);
    },
  });
  running = { pageId: page.id, path: location.pathname, stop };
}

/** Shipguard's own failures stay Shipguard's: logged quietly, never thrown into the page. */
function safely(fn) {
  try {
    const result = fn();
    if (result instanceof Promise) result.catch((error) => console.debug("Shipguard:", error));
  } catch (error) {
    console.debug("Shipguard:", error);
  }
}
