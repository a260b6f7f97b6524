/**
 * The "Fix the cause" group's estimate of which services still reach the buyer by the
 * latest delivery day, per carrier the seller uses, or a plain "none does".
 */
import { el } from "./element.js";
import { t, uiLocale } from "./i18n.js";
import { marketplaceToday } from "./carrier-note.js";
import { servicesInTime } from "../../core/transit.js";
import { dayToIsoDate } from "../../core/business-days.js";
import { formatShortDay } from "../../core/day-format.js";

// The most reassuring verdict first: a service that arrives even when shipped at the deadline.
function verdictText(service) {
  if (service.byDeadline === "arrives") return t("transitArrivesByDeadline");
  if (service.today === "arrives") return t("transitArrivesToday");
  if (service.today === "may-arrive") return t("transitMayArriveToday");
  return null;
}

function transitDays([fastest, slowest]) {
  if (fastest !== slowest) return t("transitDayRange", [fastest, slowest]);
  return fastest === 1 ? t("transitOneDay") : t("transitDays", [fastest]);
}

/** The estimate for an order at `now`, or null when its latest delivery day is unknown. */
export function transitList(order, now, compiled) {
  if (!order.latestDeliveryDay || !order.shipByDay || !order.marketplace) return null;
  const latest = formatShortDay(order.latestDeliveryDay, uiLocale());
  const result = servicesInTime({
    marketplace: order.marketplace.code,
    today: marketplaceToday(order, now),
    deadlineDay: dayToIsoDate(order.shipByDay),
    latestDeliveryDay: dayToIsoDate(order.latestDeliveryDay),
  }, compiled.calendars, compiled.transitTables, compiled.shipping);
  if (result.tables.length === 0) return null;
  const box = el("div", { className: "transit", dataset: { shipguardTransit: result.anyArrives ? "some" : "none" } },
    el("p", {}, t("transitHeading", [latest])));
  if (!result.anyArrives) {
    box.append(el("p", { className: "transit-none" }, t("transitNone", [latest])));
    return box;
  }
  for (const table of result.tables) {
    const items = table.services.filter(verdictText).map((service) => el("li", {
      dataset: { shipguardService: `${table.carrier} ${service.id}` },
    }, t("transitService", [service.name, transitDays(service.businessDays), verdictText(service)])));
    if (items.length === 0) continue;
    box.append(el("ul", {}, ...items), el("p", { className: "transit-source" }, t("transitSource", [table.source])));
  }
  return box;
}
