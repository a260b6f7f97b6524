/* The benchmark's reference overlay: the least a content script can do per row to show a
   badge, in the isolated world Shipguard's content script runs in. Per row: the row and
   its status cell are reached, the row's text read once (any reading needs it), and a
   painted host copied (host, shadow root and button at once), given the shared sheet and
   the order attribute, and appended. No facts, no deadlines, no bookkeeping: what it costs
   above the floor is what the isolated world costs, whatever the overlay does. */
(() => {
  const ROWS = "#orders-table > tbody > tr";
  const WATCHED = { childList: true, subtree: true, characterData: true };
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(".badge { font: 600 12px/1.3 Arial, sans-serif; border: 1px solid #8bc7cc; border-radius: 10px; padding: 2px 8px; }");
  const model = document.createElement("shipguard-badge");
  const button = document.createElement("button");
  button.className = "badge";
  button.textContent = "Ship within 5 h";
  model.attachShadow({ mode: "open", clonable: true }).append(button);
  const isOwn = (record) => [...record.addedNodes, ...record.removedNodes].every((node) => node.nodeName === "SHIPGUARD-BADGE");

  function badgeRows() {
    for (const row of document.querySelectorAll(ROWS)) {
      const cell = row.lastElementChild?.previousElementSibling;
      if (!cell || row.textContent.length === 0) continue;
      const host = model.cloneNode(true);
      host.shadowRoot.adoptedStyleSheets = [sheet];
      host.setAttribute("data-shipguard-order", "");
      cell.append(host);
    }
  }

  const observer = new MutationObserver((records) => {
    if (records.every(isOwn)) return;
    observer.disconnect();
    badgeRows();
    observer.observe(document.body, WATCHED);
  });
  observer.observe(document.body, WATCHED);
  // The benchmark waits for this before rows arrive, as it does for Shipguard.
  document.documentElement.dataset.shipguardPage = "orders-list";
})();
