/** The remedy log as CSV: order id, remedy, time (ISO 8601 UTC). */

// A cell that starts like a formula would run in a spreadsheet; quote and neutralise it.
const cell = (value) => {
  const text = String(value);
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export function remedyLogCsv(log) {
  const rows = [["order_id", "remedy", "time"], ...log.map((e) => [e.orderId, e.remedy, new Date(e.at).toISOString()])];
  return `${rows.map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
}
