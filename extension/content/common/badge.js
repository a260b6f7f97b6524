/** The overlay host of one order: a `shipguard-badge` element with a shadow root. */
import { adoptStyles, prepareStyles, restyleCopy } from "./styles.js";

export const HOST_TAG = "shipguard-badge";

// What each host shows, as last written: a paint compares with it instead of reading the
// DOM back, and writes only what changed (a host is all Shipguard's: nothing else writes it).
const painted = new WeakMap();

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

// Painted hosts to copy, one per look (what a view shows but its order id): orders of one
// page share a few deadlines and words, so most badges are one cloneNode of a host painted
// before (host, shadow root and button copied at once) and one attribute.
const looks = new Map();
const LOOKS_REMEMBERED = 500;

const lookOf = (view) => `${view.status}|${view.deadlineIso}|${view.mark}|${view.notes}|${view.text}|${view.tooltip}`;

/**
 * A new badge host showing `view` ({orderId} alone for one painted later), not yet in
 * the page (see placeHost).
 */
export function createBadge(view) {
  const look = lookOf(view);
  const model = looks.get(look);
  const copy = model?.cloneNode(true);
  // A browser without clonable shadow roots copies the host alone: such a copy is built.
  if (copy?.shadowRoot) {
    restyleCopy(copy.shadowRoot);
    copy.setAttribute("data-shipguard-order", view.orderId);
    painted.set(copy, view);
    return copy;
  }
  const host = document.createElement(HOST_TAG);
  host.setAttribute("data-shipguard-order", view.orderId);
  // Clonable: the host is a model for the next badge of its look (the page's own copies of
  // a row carry a copy of it too, which the orders list removes as a stray).
  const root = host.attachShadow({ mode: "open", clonable: true });
  root.append(badgeButtonTemplate().cloneNode()); // first child: paintBadge finds it there
  adoptStyles(root);
  painted.set(host, { orderId: view.orderId });
  paintBadge(host, view);
  if (!model) {
    if (looks.size >= LOOKS_REMEMBERED) looks.clear();
    looks.set(look, host.cloneNode(true));
  }
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

const HOST_DATA = [
  ["orderId", "data-shipguard-order"],
  ["status", "data-shipguard-status"],
  ["deadlineIso", "data-shipguard-deadline"],
  ["mark", "data-shipguard-mark"],
  ["notes", "data-shipguard-notes"],
];

/** Show a view {orderId, status, deadlineIso, mark, notes, text, tooltip}; writes only what changed. */
export function paintBadge(host, view) {
  const shown = painted.get(host) ?? {};
  if (shown === view) return;
  for (const [field, name] of HOST_DATA) {
    const value = view[field] ?? null;
    if (value === (shown[field] ?? null)) continue;
    if (value === null) host.removeAttribute(name);
    else host.setAttribute(name, value);
  }
  const button = badgeButton(host);
  if (shown.text !== view.text) {
    button.textContent = view.text;
    button.setAttribute("aria-label", `Shipguard: ${view.text}`);
  }
  if (shown.tooltip !== view.tooltip) button.title = view.tooltip;
  const done = view.status === "done";
  if ((shown.status === "done") !== done) button.disabled = done;
  painted.set(host, view);
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
