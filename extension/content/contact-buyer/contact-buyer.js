/**
 * Contact buyer: when the seller comes from a Shipguard message, offer "Fill message": it
 * picks the shipping-problem reason and fills the message box. The seller presses Send.
 */
import { allMatches, firstMatch } from "../common/dom-read.js";
import { el } from "../common/element.js";
import { orderIdFromUrl } from "../common/place.js";
import { orderWithoutDeadlineOnPage, pageMarketplaceOf } from "../common/order-source.js";
import { seenOrder } from "../common/seen-orders.js";
import { pendingMessage } from "../common/pending-message.js";
import { logRemedy } from "../common/remedy-log.js";
import { startSingleOrder } from "../common/single-order.js";
import { t } from "../common/i18n.js";
import { labelsOf } from "../../core/order.js";

const squash = (text) => (text || "").replace(/\s+/g, " ").trim().toLowerCase();

export function start(context) {
  const { compiled, adapter, pageData } = context;
  const orderId = orderIdFromUrl(adapter);
  const marketplace = pageMarketplaceOf(adapter, compiled);
  let seen = null;
  let message = null;

  function readOrder() {
    if (!orderId || !firstMatch(document, adapter.selectors.ready)) return null;
    const { order, json } = orderWithoutDeadlineOnPage(orderId, { compiled, pageData, marketplace, seen });
    return { order, key: `${json?.deadline}|${seen?.deadline}|${message?.at}` };
  }

  const running = startSingleOrder(context, {
    readOrder,
    opensRemedies: false,
    onPainted: (host) => offerFill(host, orderId, message, adapter),
  });
  Promise.all([seenOrder(orderId), pendingMessage(orderId)]).then(([foundSeen, foundMessage]) => {
    seen = foundSeen;
    message = foundMessage;
    running.refresh();
  });
  return running.stop;
}

function offerFill(host, orderId, message, adapter) {
  host.shadowRoot.querySelector(".inline-actions")?.remove();
  if (!message) return;
  const feedback = el("span", { className: "feedback", role: "status", "aria-live": "polite" });
  const button = el("button", { type: "button", dataset: { shipguardAction: "fill-message" } }, t("contactFillMessage"));
  button.addEventListener("click", () => {
    const filled = fillForm(message, adapter);
    feedback.textContent = filled ? t("contactFilled") : t("contactFillFailed");
    // A filled delay message counts as given: the next one offered is the second notice.
    if (filled) logRemedy(orderId, "fill-message", { template: message.template });
  });
  host.shadowRoot.append(el("span", { className: "inline-actions" }, button, feedback));
}

/**
 * Pick the contact reason the message's template belongs under (labels
 * `reason_<template reason>` in the adapter) and fill the message box; true when the text
 * went in. The reason is left alone when the page offers no such reason.
 */
function fillForm({ body, reason: reasonId = "shipping-problem" }, adapter) {
  const wanted = labelsOf(adapter, `reason_${reasonId.replaceAll("-", "_")}`).map(squash);
  const reason = allMatches(document, adapter.selectors.reason)
    .find((r) => wanted.includes(squash(r.getAttribute("label") || r.textContent)));
  if (reason && !reason.hasAttribute("checked") && !reason.checked) reason.click();
  const box = firstMatch(document, adapter.selectors.message_box);
  if (!box) return false;
  const inner = openShadowRoot(box);
  const textarea = (inner && firstMatch(inner, adapter.selectors.message_box_input))
    || (box.matches("textarea") ? box : firstMatch(box, adapter.selectors.message_box_input));
  if (!textarea) return false;
  textarea.value = body;
  // Amazon's form keeps its own state from input events that cross the shadow boundary.
  textarea.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
  textarea.focus();
  return true;
}

/** The component's shadow root, even a closed one where the browser lets extensions see it. */
function openShadowRoot(element) {
  return globalThis.chrome?.dom?.openOrClosedShadowRoot?.(element) ?? element.openOrClosedShadowRoot ?? element.shadowRoot;
}
