/** Which orders Shipguard has seen need the seller now: the toolbar count and the popup list. */
import { shipStatus } from "./deadline.js";

const NEEDS_ACTION = new Set(["late", "due-soon"]);

/**
 * Late and due-soon orders from the seen-orders record, soonest deadline first, leaving
 * out shipped, snoozed and handled ones: [{orderId, status, deadline, marketplace, host}].
 */
export function ordersNeedingAttention(seen, marks, now, dueSoonMs) {
  return Object.entries(seen)
    .filter(([orderId]) => !isMarked(marks[orderId], now))
    .map(([orderId, entry]) => ({ orderId, ...entry, status: shipStatus(entry, now, dueSoonMs) }))
    .filter((order) => NEEDS_ACTION.has(order.status))
    .sort((a, b) => a.deadline - b.deadline);
}

function isMarked(mark, now) {
  if (!mark) return false;
  return mark.kind === "handled" || (mark.kind === "snoozed" && mark.until > now);
}

/** The toolbar badge: count and colour by the worst status; empty when nothing needs action. */
export function toolbarBadge(orders) {
  if (orders.length === 0) return { text: "", color: null };
  const worst = orders.some((o) => o.status === "late") ? "late" : "due-soon";
  return { text: orders.length > 99 ? "99+" : String(orders.length), color: worst === "late" ? "#cc0c39" : "#c45500" };
}

/** The newest time any order was seen; the popup warns when it is old. */
export const lastSeenAt = (seen) => Math.max(0, ...Object.values(seen).map((e) => e.seenAt || 0));
