/** The facts of one Manage Orders row, read through the adapter; null for a non-order row. */
import { firstMatch, labelled, labelledValue } from "../common/dom-read.js";
import { labelsOf } from "../../core/order.js";
import { localeOfLabel } from "../../core/ui-language.js";

const ORDER_ID = /\d{3}-\d{7}-\d{7}/;

/** Labels prepared once per adapter: each kind, and every "…:" label to stop a value at. */
export function rowLabels(adapter) {
  const all = Object.values(adapter.labels || {}).flatMap((set) => Object.values(set).flat());
  return {
    shipBy: labelsOf(adapter, "ship_by"),
    deliverBy: labelsOf(adapter, "deliver_by"),
    fulfillment: labelsOf(adapter, "fulfillment"),
    salesChannel: labelsOf(adapter, "sales_channel"),
    sku: labelsOf(adapter, "sku"),
    lineLabels: [...new Set(all.filter((label) => /[:：]$/.test(label)))],
  };
}

export function readRow(row, adapter, labels) {
  const { selectors } = adapter;
  const link = firstMatch(row, selectors.order_id);
  const idMatch = link && (ORDER_ID.exec(link.textContent) || ORDER_ID.exec(link.getAttribute("href") || ""));
  if (!idMatch) return null;
  const details = firstMatch(row, selectors.details_cell) || row;
  const product = firstMatch(row, selectors.product_cell) || row;
  const status = firstMatch(row, selectors.status);
  // The ship-by label says which UI language the row's date is written in.
  const shipBy = labelled(firstMatch(row, selectors.ship_by_cell) || row, labels.shipBy, labels.lineLabels);
  return {
    orderId: idMatch[0],
    shipByText: shipBy?.value ?? null,
    uiLocale: shipBy ? localeOfLabel(adapter, shipBy.label) : null,
    deliverByText: labelledValue(firstMatch(row, selectors.ship_by_cell) || row, labels.deliverBy, labels.lineLabels),
    statusText: status ? status.textContent.trim() : "",
    statusClasses: status ? [...status.classList] : [],
    fulfillmentText: labelledValue(details, labels.fulfillment, labels.lineLabels),
    salesChannel: labelledValue(details, labels.salesChannel, labels.lineLabels),
    sku: labelledValue(product, labels.sku, labels.lineLabels),
  };
}
