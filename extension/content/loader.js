// Content scripts cannot be ES modules; this classic script loads the real entry as a
// module from the extension's own files. No code ever comes from elsewhere.
//
// It also hands the page-world hook (content/page-hook.js) a private port at document
// start, before any page script runs: the page's JSON comes back on it, and nothing else.
const pageDataChannel = new MessageChannel();
window.postMessage({ type: "shipguard:page-data-port" }, location.origin, [pageDataChannel.port2]);
// eslint-disable-next-line no-unsanitized/method -- a fixed path inside the extension
import(chrome.runtime.getURL("content/main.js"))
  .then(({ start }) => start(pageDataChannel.port1))
  .catch((error) => console.debug("Shipguard did not start:", error));
