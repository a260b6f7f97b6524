/** The content script's entry: gets the bundle, picks the page's feature, keeps it current. */
import { CONTENT_GET_BUNDLE } from "../core/message-types.js";
import { compileBundle } from "../core/compiled-bundle.js";
import { bundleProblems } from "../core/bundle-check.js";
import { showLayoutNotice, removeLayoutNotice } from "./shared/notice.js";

// One module per page kind; the key is the adapter id, the kill-switch key and the log prefix.
const FEATURES = {
  "orders-list": () => import("./orders-list/orders-list.js").then((m) => m.startOrdersList),
};

const NAVIGATION_POLL_MS = 1000;

let compiled = null;
let running = null; // {pageId, stop}
let routedPath = null;

export async function start() {
  const bundle = await chrome.runtime.sendMessage({ type: CONTENT_GET_BUNDLE });
  useBundle(bundle);
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === "local" && changes.bundle?.newValue) safely(() => useBundle(changes.bundle.newValue));
  });
  // Seller Central moves between page kinds without loading a page.
  setInterval(() => safely(route), NAVIGATION_POLL_MS);
}

function useBundle(bundle) {
  if (bundleProblems(bundle).length > 0) return;
  if (compiled && compiled.version === bundle.version) return;
  compiled = compileBundle(bundle);
  routedPath = null;
  route();
}

async function route() {
  if (!compiled || location.pathname === routedPath) return;
  routedPath = location.pathname;
  const page = compiled.pageFor(location.pathname);
  running?.stop();
  running = null;
  removeLayoutNotice();
  if (!page || !FEATURES[page.id] || compiled.isDisabled(page.id)) return;
  const startFeature = await FEATURES[page.id]();
  if (routedPath !== location.pathname || running) return; // navigated on while loading
  const stop = startFeature({
    compiled,
    adapter: page,
    reportProblem: (feature, step) => {
      console.debug(`Shipguard ${feature}: layout not recognised (${step})`);
      showLayoutNotice(compiled.version);
    },
  });
  running = { pageId: page.id, stop };
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
