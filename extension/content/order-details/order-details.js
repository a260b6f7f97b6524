/** Order details: the badge beside the ship-by value; the remedies open by themselves when needed. */
import { firstMatch } from "../common/dom-read.js";
import { togglePanel } from "../common/panel.js";
import { orderIdFromUrl } from "../common/place.js";
import { orderOf, placeOf, factsKey } from "../common/order-source.js";
import { startSingleOrder } from "../common/single-order.js";

const ORDER_ID = /\d{3}-\d{7}-\d{7}/;
const NEEDS_ACTION = ["late", "due-soon"];

export function startOrderDetails(context) {
  const { compiled, adapter } = context;
  const { selectors } = adapter;
  const sources = { ...context, place: placeOf(adapter) };
  const text = (name) => firstMatch(document, selectors[name])?.textContent.replace(/\s+/g, " ").trim() || "";

  function readOrder() {
    if (!firstMatch(document, selectors.ready)) return null;
    const orderId = ORDER_ID.exec(text("order_id"))?.[0] || orderIdFromUrl(adapter);
    if (!orderId) return null;
    const status = firstMatch(document, selectors.status);
    const facts = {
      orderId,
      shipByText: text("ship_by"),
      statusText: status?.textContent.trim() || "",
      statusClasses: status ? [...status.classList] : [],
      fulfillmentText: text("fulfillment"),
      salesChannel: text("sales_channel"),
    };
    return { order: orderOf(facts, sources), key: factsKey(facts) };
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
