/**
 * The one page watcher every page kind uses: the page's DOM changes (not Shipguard's own),
 * the page's JSON as it arrives, and one check, after a grace period, that the page shows
 * what the adapter expects. A feature's failure is reported, never thrown into the page.
 */
import { firstMatch } from "./dom-read.js";

const LAYOUT_GRACE_MS = 4000;
const OWN_PREFIX = "SHIPGUARD-"; // Shipguard's hosts: badges, the layout notice
const WATCHED = { childList: true, subtree: true, characterData: true };

/**
 * Watch the page for a feature. `sync(mutations)` runs at once with null, then with each
 * batch of the page's own DOM changes; `onPageData(changedOrderIds)` when its JSON
 * arrives. If `expect` (an adapter selector name) matches nothing after the grace period,
 * the problem `missing` is reported; a throw in the feature reports `failure`.
 * Returns {stop(), quietly(write)}: `quietly` runs Shipguard's own DOM writes unobserved,
 * so a thousand badges inserted are not a thousand records to look at afterwards.
 */
export function observePage({ adapter, pageData, reportProblem }, { sync, onPageData, expect, missing, failure }) {
  const guarded = (run, argument) => {
    try {
      run(argument);
    } catch (error) {
      console.debug(`Shipguard ${adapter.id}:`, error);
      reportProblem(failure);
    }
  };
  const onMutations = (mutations) => {
    const theirs = mutations.filter((mutation) => !isOwnMutation(mutation));
    if (theirs.length > 0) guarded(sync, theirs);
  };
  const observer = new MutationObserver(onMutations);
  let watching = false;
  const watch = () => {
    observer.observe(document.body, WATCHED);
    watching = true;
  };
  const quietly = (write) => {
    if (!watching) return write();
    // The page's changes not yet delivered are kept and handed over after the writes.
    const pending = observer.takeRecords();
    observer.disconnect();
    watching = false;
    try {
      return write();
    } finally {
      watch();
      if (pending.length > 0) queueMicrotask(() => onMutations(pending));
    }
  };
  const unsubscribe = pageData.subscribe((changed) => guarded(onPageData, changed));
  guarded(sync, null);
  watch();
  const layoutCheck = setTimeout(() => {
    if (!firstMatch(document, adapter.selectors[expect])) reportProblem(missing);
  }, LAYOUT_GRACE_MS);
  return {
    quietly,
    stop() {
      observer.disconnect();
      watching = false;
      unsubscribe();
      clearTimeout(layoutCheck);
    },
  };
}

/** Mutations Shipguard made itself (adding or removing its hosts) need no rescan. */
export function isOwnMutation(mutation) {
  if (mutation.type !== "childList") return false;
  const { addedNodes, removedNodes } = mutation;
  if (addedNodes.length + removedNodes.length === 0) return false;
  for (let i = 0; i < addedNodes.length; i += 1) if (!addedNodes[i].nodeName.startsWith(OWN_PREFIX)) return false;
  for (let i = 0; i < removedNodes.length; i += 1) if (!removedNodes[i].nodeName.startsWith(OWN_PREFIX)) return false;
  return true;
}
