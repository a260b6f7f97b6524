/** Confirm shipment: when the deadline has passed or is near, say so above the form. */
import { firstMatch } from "../shared/dom-read.js";
import { setBadgeNote } from "../shared/badge.js";
import { togglePanel } from "../shared/panel.js";
import { orderIdFromUrl, marketplaceIdFromUrl } from "../shared/place.js";
import { seenOrder } from "../shared/seen-orders.js";
import { startSingleOrder } from "../shared/single-order.js";
import { t } from "../shared/i18n.js";
import { orderFromJson, orderFromSeen, unseenOrder } from "../../core/order.js";

const NOTES = { late: "confirmLateNote", "due-soon": "confirmDueSoonNote" };

export function startConfirmShipment(context) {
  const { compiled, adapter, pageData } = context;
  const orderId = orderIdFromUrl(adapter);
  const pageMarketplace = compiled.marketplaceById(marketplaceIdFromUrl(adapter)) || compiled.marketplaceForHost(location.hostname);
  let seen = null;

  function readOrder() {
    if (!orderId || !firstMatch(document, adapter.selectors.ready)) return null;
    const json = pageData.get(orderId);
    const order = json ? orderFromJson(json, compiled, pageMarketplace)
      : seen ? orderFromSeen(orderId, seen, compiled) : unseenOrder(orderId, pageMarketplace);
    return { order, key: `${json?.deadline}|${seen?.deadline}|${seen?.done}` };
  }

  const running = startSingleOrder(context, {
    readOrder,
    onActivate: (host, entry) => {
      if (entry && entry.view.status !== "done") togglePanel(host, entry.order, entry.view, compiled);
    },
    onPainted: (host, entry) => setBadgeNote(host, NOTES[entry.view.status] ? t(NOTES[entry.view.status]) : ""),
  });
  seenOrder(orderId).then((found) => {
    seen = found;
    running.refresh();
  });
  return running.stop;
}
