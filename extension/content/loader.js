// Content scripts cannot be ES modules; this classic script loads the real entry as a
// module from the extension's own files. No code ever comes from elsewhere.
// eslint-disable-next-line no-unsanitized/method -- a fixed path inside the extension
import(chrome.runtime.getURL("content/main.js"))
  .then(({ start }) => start())
  .catch((error) => console.debug("Shipguard did not start:", error));
