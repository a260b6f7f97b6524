/** The overlay host of one order: a `shipguard-badge` element with a shadow root. */
import { adoptStyles, prepareStyles } from "./styles.js";

export const HOST_TAG = "shipguard-badge";

// The badge button as every host starts with it, cloned rather than built per order.
let buttonTemplate = null;

function badgeButtonTemplate() {
  if (!buttonTemplate) {
    buttonTemplate = document.createElement("button");
    buttonTemplate.type = "button";
    buttonTemplate.className = "badge";
    buttonTemplate.setAttribute("aria-haspopup", "dialog");
    buttonTemplate.setAttribute("aria-expanded", "false");
  }
  return buttonTemplate;
}

/** Build what every badge shares (its button, its styles) before the first one is needed. */
export function prepareBadges() {
  badgeButtonTemplate();
  prepareStyles();
}

/** A new badge host for an order, not yet in the page (see placeHost). */
export function createBadge(orderId) {
  const host = document.createElement(HOST_TAG);
  host.setAttribute("data-shipguard-order", orderId);
  const root = host.attachShadow({ mode: "open" });
  root.append(badgeButtonTemplate().cloneNode()); // first child: paintBadge finds it there
  adoptStyles(root);
  return host;
}

/** Place `host` relative to `anchor`: inside at the end (append), or just after/before it. */
export function placeHost(host, anchor, placement = "append") {
  if (placement === "after") anchor.after(host);
  else if (placement === "before") anchor.before(host);
  else anchor.append(host);
}

/**
 * One listener for every badge on the page: a click (or Enter) on a badge button calls
 * `onActivate(host)` and goes no further, since the seller clicked Shipguard, not
 * Amazon's row. Returns the function that removes it.
 */
export function onBadgeActivation(onActivate) {
  const listener = (event) => {
    const host = event.target;
    if (host?.localName !== HOST_TAG || !event.composedPath()[0]?.closest?.(".badge")) return;
    event.stopPropagation();
    onActivate(host);
  };
  // Capture on the window: it runs before any listener of the page's own.
  window.addEventListener("click", listener, true);
  return () => window.removeEventListener("click", listener, true);
}

const containing = new WeakSet();

/** Clicks inside a host's panel stay in the host: Amazon's row never sees them. */
export function keepClicksInside(host) {
  if (containing.has(host)) return;
  containing.add(host);
  host.addEventListener("click", (event) => event.stopPropagation());
}

/** The badge button inside a host. */
export const badgeButton = (host) => host.shadowRoot.firstChild;

const setData = (host, name, value) => {
  if (value === null || value === undefined) host.removeAttribute(name);
  else if (host.getAttribute(name) !== value) host.setAttribute(name, value);
};

/** Show a view {orderId, status, deadlineIso, mark, notes, text, tooltip}; writes only what changed. */
export function paintBadge(host, view) {
  setData(host, "data-shipguard-order", view.orderId);
  setData(host, "data-shipguard-status", view.status);
  setData(host, "data-shipguard-deadline", view.deadlineIso);
  setData(host, "data-shipguard-mark", view.mark);
  setData(host, "data-shipguard-notes", view.notes);
  const button = badgeButton(host);
  if (button.textContent !== view.text) button.textContent = view.text;
  if (button.title !== view.tooltip) button.title = view.tooltip;
  const label = `Shipguard: ${view.text}`;
  if (button.getAttribute("aria-label") !== label) button.setAttribute("aria-label", label);
  const done = view.status === "done";
  if (button.disabled !== done) button.disabled = done;
}

/**
 * Sentences under the badge, by kind ("note": the deadline warning, "warnings": tracking
 * checks); an empty list removes them. Announced politely to screen readers.
 */
export function setBadgeLines(host, kind, texts) {
  let box = host.shadowRoot.querySelector(`.${kind}`);
  if (texts.length === 0) {
    box?.remove();
    return;
  }
  if (!box) {
    box = document.createElement("div");
    box.className = kind;
    box.setAttribute("role", "status");
    host.shadowRoot.append(box);
  }
  if (box.textContent === texts.join("")) return;
  box.replaceChildren(...texts.map((text) => Object.assign(document.createElement("p"), { textContent: text })));
}
