/** The overlay host of one order: a `shipguard-badge` element with a shadow root. */
import { adoptStyles } from "./styles.js";

export const HOST_TAG = "shipguard-badge";

/**
 * A new badge host for an order. Clicks stay inside it: the seller clicked Shipguard,
 * not Amazon's row. `onActivate(host)` runs when the seller opens the badge.
 */
export function createBadge(orderId, onActivate) {
  const host = document.createElement(HOST_TAG);
  host.dataset.shipguardOrder = orderId;
  const root = host.attachShadow({ mode: "open" });
  adoptStyles(root);
  const button = document.createElement("button");
  button.type = "button";
  button.className = "badge";
  button.setAttribute("aria-haspopup", "dialog");
  button.setAttribute("aria-expanded", "false");
  button.addEventListener("click", () => onActivate(host));
  root.append(button);
  host.addEventListener("click", (event) => event.stopPropagation());
  return host;
}

/** The badge button inside a host. */
export const badgeButton = (host) => host.shadowRoot.querySelector(".badge");

const setData = (host, name, value) => {
  if (value === null || value === undefined) {
    if (name in host.dataset) delete host.dataset[name];
  } else if (host.dataset[name] !== value) {
    host.dataset[name] = value;
  }
};

/** Show a view {orderId, status, deadlineIso, mark, notes, text, tooltip}; writes only what changed. */
export function paintBadge(host, view) {
  setData(host, "shipguardOrder", view.orderId);
  setData(host, "shipguardStatus", view.status);
  setData(host, "shipguardDeadline", view.deadlineIso);
  setData(host, "shipguardMark", view.mark);
  setData(host, "shipguardNotes", view.notes);
  const button = badgeButton(host);
  if (button.textContent !== view.text) button.textContent = view.text;
  if (button.title !== view.tooltip) button.title = view.tooltip;
  const label = `Shipguard: ${view.text}`;
  if (button.getAttribute("aria-label") !== label) button.setAttribute("aria-label", label);
  button.disabled = view.status === "done";
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
