/**
 * Confirm shipment: when the deadline has passed or is near, say so above the form, and
 * check the tracking id as the seller types it. Warnings only: the seller decides.
 */
import { firstMatch } from "../common/dom-read.js";
import { setBadgeLines } from "../common/badge.js";
import { togglePanel } from "../common/panel.js";
import { orderIdFromUrl } from "../common/place.js";
import { orderWithoutDeadlineOnPage, pageMarketplaceOf } from "../common/order-source.js";
import { seenOrder } from "../common/seen-orders.js";
import { startSingleOrder } from "../common/single-order.js";
import { t } from "../common/i18n.js";
import { trackingWarnings } from "../common/tracking-fields.js";

const NOTES = { late: "confirmLateNote", "due-soon": "confirmDueSoonNote" };

export function start(context) {
  const { compiled, adapter, pageData } = context;
  const orderId = orderIdFromUrl(adapter);
  const marketplace = pageMarketplaceOf(adapter, compiled);
  let seen = null;
  let current = null; // {host, order}

  function readOrder() {
    if (!orderId || !firstMatch(document, adapter.selectors.ready)) return null;
    const { order, json } = orderWithoutDeadlineOnPage(orderId, { compiled, pageData, marketplace, seen });
    return { order, key: `${json?.deadline}|${seen?.deadline}|${seen?.done}` };
  }

  const checkFields = () => {
    if (current) setBadgeLines(current.host, "warnings", trackingWarnings(document, adapter, compiled, current.order));
  };
  const running = startSingleOrder(context, {
    readOrder,
    onActivate: (host, entry) => {
      if (entry && entry.view.status !== "done") togglePanel(host, entry.order, entry.view, compiled);
    },
    onPainted: (host, entry) => {
      current = { host, order: entry.order };
      setBadgeLines(host, "note", NOTES[entry.view.status] ? [t(NOTES[entry.view.status])] : []);
      checkFields();
    },
  });
  // Amazon's form re-renders its fields; listening on the document survives that.
  const onFieldChange = (event) => {
    if (event.target instanceof Element && event.target.closest("select, input")) checkFields();
  };
  document.addEventListener("input", onFieldChange, true);
  document.addEventListener("change", onFieldChange, true);
  seenOrder(orderId).then((found) => {
    seen = found;
    running.refresh();
  });
  return () => {
    document.removeEventListener("input", onFieldChange, true);
    document.removeEventListener("change", onFieldChange, true);
    running.stop();
  };
}
