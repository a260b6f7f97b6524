/* Shipguard benchmark harness, in the page's own world: it plays the orders app (rows
   arrive, the body is replaced) and times what happens until the badges are there.
   FLOOR mode does the bare DOM work an overlay cannot avoid, for comparison. APP mode
   renders the rows as a framework would (Seller Central's app is a React app): a
   component tree per row, elements created one by one, handlers on its controls; the
   markup is the same, so the overlay reads the same page. */
(function () {
  "use strict";
  var HOSTS = { "SHIPGUARD-BADGE": true, "SHIPGUARD-FLOOR": true };
  var tbody = document.querySelector("#orders-table > tbody");

  function hostCount() {
    return document.querySelectorAll("shipguard-badge, shipguard-floor").length;
  }

  /* The floor: per new row, one host element with a shadow root and one text in it. */
  function addFloorHosts(records) {
    for (var r = 0; r < records.length; r++) {
      var added = records[r].addedNodes;
      for (var i = 0; i < added.length; i++) {
        var row = added[i];
        if (row.nodeName !== "TR") continue;
        var cell = row.querySelector('td[data-test-id="oth-order-status"]') || row.lastElementChild;
        var host = document.createElement("shipguard-floor");
        host.attachShadow({ mode: "open" }).append("Ship within 5 h");
        cell.append(host);
      }
    }
  }

  /* APP mode. A template's rows as element descriptions, taken once per template. */
  var described = {};
  function describe(node) {
    if (node.nodeType === 3) return { text: node.data };
    var attributes = [];
    for (var i = 0; i < node.attributes.length; i++) attributes.push([node.attributes[i].name, node.attributes[i].value]);
    var children = [];
    for (var c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 || c.nodeType === 3) children.push(describe(c));
    return { tag: node.localName, attributes: attributes, children: children };
  }
  function onControl(event) { event.currentTarget.dataset.touched = "1"; }
  /* Render one description as a framework does: a fiber per node (type, props, links),
     props copied and compared with the previous render's, the element created and filled,
     a handler on every control. Before it, the row's view model from its order's JSON. */
  var previousProps = {};
  function render(description, parent, key) {
    var fiber = { type: description.tag || "#text", key: key, props: null, stateNode: null, return: parent, child: null, sibling: null };
    if (description.text !== undefined) {
      fiber.props = { nodeValue: description.text };
      fiber.stateNode = document.createTextNode(description.text);
      return fiber;
    }
    var props = {};
    for (var i = 0; i < description.attributes.length; i++) props[description.attributes[i][0]] = description.attributes[i][1];
    var old = previousProps[key], changed = !old;
    if (old) for (var name in props) if (props[name] !== old[name]) { changed = true; break; }
    previousProps[key] = props;
    fiber.props = props;
    var element = document.createElement(description.tag);
    for (var n in props) element.setAttribute(n, props[n]);
    if (description.tag === "a" || description.tag === "input" || description.tag === "button") element.addEventListener("click", onControl);
    fiber.stateNode = element;
    var last = null;
    for (var c = 0; c < description.children.length; c++) {
      var child = render(description.children[c], fiber, key + "." + c);
      element.appendChild(child.stateNode);
      if (last) last.sibling = child; else fiber.child = child;
      last = child;
    }
    fiber.changed = changed;
    return fiber;
  }
  /* A row's view model from the order as the orders API sends it (JSON text), as the app
     builds it before rendering: dates and amounts formatted in the page's locale. */
  function viewModel(json) {
    var order = JSON.parse(json);
    return {
      id: order.amazonOrderId,
      purchased: new Date(order.purchaseDate * 1000).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" }),
      shipBy: new Date(order.latestShipDate * 1000).toLocaleDateString("en-US", { weekday: "short", month: "short", day: "numeric", year: "numeric" }),
      deliverBy: new Date(order.latestDeliveryDate * 1000).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric" }),
      total: order.orderTotal.amount.toLocaleString("en-US", { style: "currency", currency: order.orderTotal.currencyCode }),
    };
  }
  function renderRows(templateId) {
    var rows = described[templateId];
    if (!rows) {
      rows = described[templateId] = [];
      var content = document.getElementById(templateId).content;
      for (var r = content.firstElementChild; r; r = r.nextElementSibling) rows.push(describe(r));
    }
    var fragment = document.createDocumentFragment();
    var now = Date.now() / 1000;
    for (var i = 0; i < rows.length; i++) {
      viewModel(JSON.stringify({ amazonOrderId: templateId + "-" + i, purchaseDate: now - 86400, latestShipDate: now + 86400 * (i % 5),
        latestDeliveryDate: now + 86400 * (4 + i % 5), orderTotal: { amount: 29.99 + i, currencyCode: "USD" } }));
      fragment.appendChild(render(rows[i], null, templateId + ":" + i).stateNode);
    }
    return fragment;
  }

  /* Replace the table body with a template's rows; resolve once `expect` hosts were added.
     insertMs: the page's own replaceChildren; domMs: rows inserted -> last host in the DOM;
     layoutMs: -> style and layout done (forced right away unless options.layout is false). */
  function insert(templateId, options) {
    return new Promise(function (resolve) {
      /* In a task of the page's own, as the app's work runs: CDP's ScriptDuration counts
         it there, and not inside the benchmark's Runtime evaluate that calls insert(). */
      setTimeout(function () { insertNow(templateId, options, resolve); }, 0);
    });
  }

  function insertNow(templateId, options, resolve) {
    var floor = options && options.floor, expect = (options && options.expect) || 0;
    var layout = !(options && options.layout === false);
    var rows = options && options.app ? renderRows(templateId) : document.getElementById(templateId).content.cloneNode(true);
    (function () {
      var seen = 0, t0 = 0, insertMs = 0, floorObserver = null, done = false;
      var observer = new MutationObserver(function (records) {
        for (var r = 0; r < records.length; r++) {
          var added = records[r].addedNodes;
          for (var i = 0; i < added.length; i++) if (HOSTS[added[i].nodeName]) seen++;
        }
        if (seen >= expect) finish(performance.now());
      });
      function finish(t1) {
        if (done) return;
        done = true;
        observer.disconnect();
        if (floorObserver) floorObserver.disconnect();
        if (layout) void document.body.offsetHeight;
        var t2 = performance.now();
        resolve({ domMs: t1 - t0, layoutMs: t2 - t0, insertMs: insertMs, hosts: hostCount() });
      }
      observer.observe(tbody, { childList: true, subtree: true });
      if (floor) {
        floorObserver = new MutationObserver(addFloorHosts);
        floorObserver.observe(tbody, { childList: true });
      }
      var tStart = performance.now();
      tbody.replaceChildren(rows);
      t0 = performance.now();
      insertMs = t0 - tStart;
      setTimeout(function () {
        if (!done) { done = true; observer.disconnect(); resolve({ timeout: true, hosts: hostCount(), seen: seen }); }
      }, 15000);
    })();
  }

  /* A change outside the table (a heading's text), as the app makes all day: the time
     until every mutation observer has seen it (a microtask queued after the change runs
     after the observers' callbacks), i.e. what the extension makes of a change it can ignore. */
  function touchUnrelated() {
    var heading = document.querySelector(".total-orders-heading span");
    return new Promise(function (resolve) {
      var t0 = performance.now();
      heading.textContent = heading.textContent.replace(/ \d+$/, "") + " " + Math.floor(t0);
      queueMicrotask(function () { resolve({ busyMs: performance.now() - t0 }); });
    });
  }

  /* Count every write to the badges (host attributes, anything in their shadow roots). */
  var writes = 0, writeObserver = null;
  function watchWrites() {
    writes = 0;
    writeObserver = new MutationObserver(function (records) { writes += records.length; });
    document.querySelectorAll("shipguard-badge").forEach(function (host) {
      writeObserver.observe(host, { attributes: true });
      if (host.shadowRoot) {
        writeObserver.observe(host.shadowRoot, { childList: true, subtree: true, characterData: true, attributes: true });
      }
    });
    return hostCount();
  }

  function statuses() {
    var counts = {};
    document.querySelectorAll("shipguard-badge").forEach(function (host) {
      var s = host.dataset.shipguardStatus || "none";
      counts[s] = (counts[s] || 0) + 1;
    });
    return counts;
  }

  window.__shipguardBench = {
    insert: insert,
    touchUnrelated: touchUnrelated,
    watchWrites: watchWrites,
    writes: function () { return writes; },
    statuses: statuses,
    hostCount: hostCount,
  };
})();
