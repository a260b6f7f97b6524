/** Reading a metric's figures from the text of its Account Health card. Pure. */

const PERCENT = /(\d{1,3}(?:[.,]\d+)?)\s*%/;

const number = (text) => Number(String(text).replace(/[\s\u00a0]/g, "").replace(/[.,](?=\d{3}\b)/g, "").replace(",", "."));

/**
 * {rate, failures?, orders?} from a card's text, reading only what follows the window's
 * name ("10 days"), so a 30-day figure beside it is never taken for the 10-day one; null
 * when the card does not name the window or shows no percentage after it.
 */
export function readMetric(cardText, metric, countPattern) {
  const text = cardText.replace(/\s+/g, " ");
  const at = metric.windows
    .map((w) => text.toLowerCase().indexOf(w.toLowerCase()))
    .filter((i) => i >= 0)
    .sort((a, b) => a - b)[0];
  if (at === undefined) return null;
  const rest = text.slice(at);
  const percent = PERCENT.exec(rest);
  if (!percent) return null;
  const rate = number(percent[1]) / 100;
  if (!(rate >= 0 && rate <= 1)) return null;
  const counts = countPattern ? new RegExp(countPattern).exec(rest) : null;
  if (!counts) return { rate };
  const failures = number(counts[1]);
  const orders = number(counts[2]);
  return Number.isFinite(orders) && orders >= failures ? { rate, failures, orders } : { rate };
}
