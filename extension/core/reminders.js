/**
 * Which reminders to show: grouped, at most one per order per stage ("soon": within the
 * lead time before the deadline; "late": past it), never during the seller's quiet hours.
 */

/** Minutes since midnight of "HH:MM", or null. */
const minutesOf = (text) => {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text || "");
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
};

/** True when the local time (minutes since midnight) lies in quiet hours, which may span midnight. */
export function inQuietHours(localMinutes, quiet) {
  const start = minutesOf(quiet?.start);
  const end = minutesOf(quiet?.end);
  if (start === null || end === null || start === end) return false;
  return start < end ? localMinutes >= start && localMinutes < end : localMinutes >= start || localMinutes < end;
}

/**
 * The reminders due now: {soon: [orders], late: [orders]} among orders needing attention
 * (see attention.js), leaving out those already reminded at that stage (`notified`:
 * {orderId: ["soon", "late"]}).
 */
export function remindersDue(orders, notified, now, leadMs) {
  const already = (order, stage) => (notified[order.orderId] || []).includes(stage);
  return {
    soon: orders.filter((o) => o.deadline > now && o.deadline - now <= leadMs && !already(o, "soon")),
    late: orders.filter((o) => o.deadline <= now && !already(o, "late")),
  };
}

/** The notified record after reminding these orders at this stage. */
export function markNotified(notified, orders, stage) {
  const next = { ...notified };
  for (const order of orders) next[order.orderId] = [...new Set([...(next[order.orderId] || []), stage])];
  return next;
}
