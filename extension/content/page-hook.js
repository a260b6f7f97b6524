// Runs in the page's own world at document start (manifest: "world": "MAIN"). It reads the
// orders app's JSON responses as the page receives them and hands a copy to Shipguard's
// content script. It sends no request, changes no response, and never throws into the page.
//
// The copy travels over a private MessageChannel port that the content script posts to
// this window at document start, before any page script runs. The first port is the only
// one taken: page scripts can neither read what is handed over nor send anything on it.
(() => {
  const SCOPE = "/orders-api/"; // only the orders app's data; adapters decide what is used
  const PORT_MESSAGE = "shipguard:page-data-port";
  const BUFFER_LIMIT = 20;
  const buffered = [];
  let port = null;

  const takePort = (event) => {
    if (event.source !== window || event.data?.type !== PORT_MESSAGE || event.ports.length !== 1) return;
    // Ours was posted before any page script could post: no later listener sees it.
    event.stopImmediatePropagation();
    window.removeEventListener("message", takePort, true);
    port = event.ports[0];
    for (const response of buffered.splice(0)) port.postMessage(response);
  };
  window.addEventListener("message", takePort, true);

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
    const response = { url: new URL(url, location.href).pathname, text };
    if (port) port.postMessage(response);
    else if (buffered.push(response) > BUFFER_LIMIT) buffered.shift();
  };

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
