/** The tracking check for a carrier select and tracking input, as the form holds them now. */
import { firstMatch } from "./dom-read.js";
import { labelsOf } from "../../core/order.js";
import { checkTracking, OTHER_CARRIER } from "../../core/tracking.js";

/**
 * The warnings for the fields inside `scope` (the whole form, or one row of the bulk page);
 * [] while no tracking id is typed. "Other" is recognised in every UI language.
 */
export function trackingWarnings(scope, adapter, compiled, order) {
  const { selectors } = adapter;
  const tracking = firstMatch(scope, selectors.tracking_id)?.value || "";
  const select = firstMatch(scope, selectors.carrier);
  if (!tracking.trim() || !select) return [];
  const chosen = select.selectedOptions?.[0];
  const otherLabels = labelsOf(adapter, "other_carrier").map((l) => l.toLowerCase());
  const isOther = [select.value, chosen?.textContent || ""].some((v) => otherLabels.includes(v.trim().toLowerCase()));
  const result = checkTracking(tracking, {
    carrierName: isOther ? OTHER_CARRIER : chosen?.textContent.trim() || select.value,
    otherCarrierName: firstMatch(scope, selectors.carrier_other)?.value || null,
    marketplace: order.marketplace?.code || null,
  }, compiled.carriers);
  return result.findings.map((finding) => finding.message);
}
