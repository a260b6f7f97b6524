/** The content script's entry: gets the bundle, picks the page's feature, keeps it current. */
import { CONTENT_GET_BUNDLE, BACKGROUND_COMMAND } from "../core/message-types.js";
import { loadFeatures, loadSettings } from "../lib/settings.js";
import { pageFeature } from "../core/features.js";
import { COMMANDS } from "./common/commands.js";
import { compileBundle } from "../core/compiled-bundle.js";
import { bundleProblems } from "../core/bundle-check.js";
import { showLayoutNotice, removeLayoutNotice } from "./common/notice.js";
import { PageData } from "./common/page-data.js";
import { recordProblem } from "./common/diagnostics.js";

const NAVIGATION_POLL_MS = 1000;
// Settings that change what the overlay shows; the others (server URL, reminders) do not.
const OVERLAY_SETTINGS = ["dueSoonHours", "disabledFeatures", "messageLocale", "carriers", "shipFromRegion"];

const pageData = new PageData();
let compiled = null;
let bundle = null;
let settings = {};
let features = [];
let running = null; // {pageId, stop}
let routedUrl = null;

/** Runs at document start, before any page script: see handPagePort. */
export async function start() {
  pageData.listen(handPagePort());
  const [received, loaded, registry] = await Promise.all([
    chrome.runtime.sendMessage({ type: CONTENT_GET_BUNDLE }), loadSettings(), loadFeatures(),
  ]);
  settings = loaded;
  features = registry;
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

/**
 * A private port for the page-world hook (content/page-hook.js), posted before the first await
 * so that it reaches the hook before any page script can post a port of its own: the page's
 * JSON comes back on it, and nothing else does.
 */
function handPagePort() {
  const channel = new MessageChannel();
  window.postMessage({ type: "shipguard:page-data-port" }, location.origin, [channel.port2]);
  return channel.port1;
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
  // Pagination and filters change only the query string: such a page follows them itself.
  if (samePage && page.follows_query_changes) return;
  running?.stop();
  running = null;
  removeLayoutNotice();
  const feature = page && !compiled.isDisabled(page.id) ? pageFeature(features, page.id) : null;
  if (!feature) {
    markPage(page ? page.id : "none");
    return;
  }
  // The registry's own ids name the modules: content/<id>/<id>.js, exporting start().
  // eslint-disable-next-line no-unsanitized/method -- a path from the registry shipped with the extension
  const { start: startFeature } = await import(`./${feature.id}/${feature.id}.js`);
  if (routedUrl !== currentUrl() || running) return; // navigated on while loading
  try {
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
  } finally {
    markPage(page.id); // after the first scan: what a test sees next is what the feature did
  }
}

/** Tell the page (and tests) what Shipguard decided it is: a page kind's id, or "none". */
function markPage(pageId) {
  document.documentElement.dataset.shipguardPage = pageId;
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
