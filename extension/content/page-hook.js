// Runs in the page's own world at document start (manifest: "world": "MAIN"). It reads the
// orders app's JSON responses as the page receives them and hands a copy to Shipguard's
// content script. It sends no request, changes no response, and never throws into the page.
(() => {
  const SCOPE = "/orders-api/"; // only the orders app's data; adapters decide what is used
  const EVENT = "shipguard:page-data";
  const READY = "shipguard:content-ready";
  const BUFFER_LIMIT = 20;
  const buffered = [];
  let listening = false;

  const inScope = (url) => {
    try {
      const parsed = new URL(url, location.href);
      return parsed.origin === location.origin && parsed.pathname.startsWith(SCOPE);
    } catch {
      return false;
    }
  };

  const hand = (url, text) => {
    if (typeof text !== "string" || text.length === 0) return;
    const detail = JSON.stringify({ url: new URL(url, location.href).pathname, text });
    if (listening) document.dispatchEvent(new CustomEvent(EVENT, { detail }));
    else if (buffered.push(detail) > BUFFER_LIMIT) buffered.shift();
  };

  // The content script may start after the first responses arrived: replay them once.
  document.addEventListener(READY, () => {
    listening = true;
    for (const detail of buffered.splice(0)) document.dispatchEvent(new CustomEvent(EVENT, { detail }));
  });

  const originalFetch = window.fetch;
  window.fetch = function fetch(...args) {
    const result = originalFetch.apply(this, args);
    try {
      const request = args[0];
      const url = typeof request === "string" ? request : request?.url ?? String(request);
      if (inScope(url)) {
        result.then((response) => response.clone().text().then((text) => hand(response.url || url, text)))
          .catch(() => {});
      }
    } catch {
      // Observing must never change what the page gets.
    }
    return result;
  };

  const originalOpen = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function open(method, url, ...rest) {
    try {
      if (inScope(String(url))) {
        this.addEventListener("load", () => {
          try {
            const type = this.responseType;
            if (type === "" || type === "text") hand(String(url), this.responseText);
            else if (type === "json" && this.response !== null) hand(String(url), JSON.stringify(this.response));
          } catch {
            // Unreadable response: nothing to hand over.
          }
        });
      }
    } catch {
      // As above.
    }
    return originalOpen.call(this, method, url, ...rest);
  };
})();
