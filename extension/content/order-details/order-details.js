/** Order details: the badge beside the ship-by value; the remedies open by themselves when needed. */
import { firstMatch } from "../common/dom-read.js";
import { togglePanel } from "../common/panel.js";
import { readFacts } from "../common/read-facts.js";
import { placeOf } from "../common/order-source.js";
import { startSingleOrder } from "../common/single-order.js";
import { addressWarnings } from "../../core/address-check.js";
import { orderFromPage, unreadablePageStep } from "../../core/order.js";

const NEEDS_ACTION = ["late", "due-soon"];

export function start(context) {
  const { compiled, adapter } = context;
  const place = placeOf(adapter);
  let reported = false; // the unreadable-layout notice once, not on every change

  function readOrder() {
    if (!firstMatch(document, adapter.selectors.ready)) return null;
    const found = readFacts(adapter, document);
    if (!found) return null;
    const { facts, key } = found;
    const order = orderFromPage(facts, context.pageData.get(facts.orderId), compiled, adapter, place);
    const step = unreadablePageStep(order, facts.shipByText);
    if (step && !reported) context.reportProblem(step);
    reported ||= Boolean(step);
    order.addressWarnings = addressWarnings(facts.address, facts.shippingService || "", compiled.addressChecks);
    return { order, key };
  }

  const running = startSingleOrder(context, {
    readOrder,
    // A late or due-soon order is why the seller opened it: show the remedies at once.
    onPainted: (host, entry, first) => {
      if (first && NEEDS_ACTION.includes(entry.view.status)) togglePanel(host, entry.order, entry.view, compiled);
    },
  });
  return running.stop;
}
