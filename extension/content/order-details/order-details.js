/** Order details: the badge beside the ship-by value; the remedies open by themselves when needed. */
import { allMatches, firstMatch } from "../common/dom-read.js";
import { togglePanel } from "../common/panel.js";
import { orderIdFromUrl } from "../common/place.js";
import { orderOf, placeOf, factsKey } from "../common/order-source.js";
import { startSingleOrder } from "../common/single-order.js";
import { addressWarnings } from "../../core/address-check.js";
import { isDoneStatus, unreadablePageStep } from "../../core/order.js";
import { localeOfTexts } from "../../core/ui-language.js";

const ORDER_ID = /\d{3}-\d{7}-\d{7}/;
const NEEDS_ACTION = ["late", "due-soon"];

export function start(context) {
  const { compiled, adapter } = context;
  const { selectors } = adapter;
  const sources = { ...context, place: placeOf(adapter) };
  let reported = false; // the unreadable-layout notice once, not on every change
  const text = (name) => firstMatch(document, selectors[name])?.textContent.replace(/\s+/g, " ").trim() || "";

  function readOrder() {
    if (!firstMatch(document, selectors.ready)) return null;
    const orderId = ORDER_ID.exec(text("order_id"))?.[0] || orderIdFromUrl(adapter);
    if (!orderId) return null;
    // One status per item: the order is done only when no item is left to ship.
    const statuses = allMatches(document, selectors.status);
    const status = statuses.find((el) => !isDoneStatus(adapter, el.textContent.trim(), [...el.classList])) || statuses[0];
    const shipBy = firstMatch(document, selectors.ship_by);
    const facts = {
      orderId,
      shipByText: shipBy ? text("ship_by") : null,
      // The page's title says which UI language its dates are written in.
      uiLocale: localeOfTexts(adapter, "page_title", [text("ready")]),
      deliverByText: selectors.deliver_by ? text("deliver_by") : "",
      statusText: status?.textContent.trim() || "",
      statusClasses: status ? [...status.classList] : [],
      fulfillmentText: text("fulfillment"),
      salesChannel: text("sales_channel"),
    };
    const address = addressLines(firstMatch(document, selectors.shipping_address));
    const order = orderOf(facts, sources);
    const step = unreadablePageStep(order, facts.shipByText);
    if (step && !reported) context.reportProblem(step);
    reported ||= Boolean(step);
    order.addressWarnings = addressWarnings(address, text("shipping_service"), compiled.addressChecks);
    return { order, key: `${factsKey(facts)}|${address.join("|")}` };
  }

  const running = startSingleOrder(context, {
    readOrder,
    onActivate: (host, entry) => {
      if (entry && entry.view.status !== "done") togglePanel(host, entry.order, entry.view, compiled);
    },
    // A late or due-soon order is why the seller opened it: show the remedies at once.
    onPainted: (host, entry, first) => {
      if (first && NEEDS_ACTION.includes(entry.view.status)) togglePanel(host, entry.order, entry.view, compiled);
    },
  });
  return running.stop;
}

/**
 * The address lines after the buyer's name, as the page shows them one per element;
 * "Address Type: …" style annotations are not part of the address.
 */
function addressLines(block) {
  if (!block) return [];
  const lines = [...block.children].map((line) => line.textContent.replace(/\s+/g, " ").trim())
    .filter((line) => line && !/^[^:：]{2,30}[:：]\s/u.test(line));
  return lines.slice(1);
}
