/**
 * The extension's features, as listed in features.json (the one registry: the options page,
 * the content script's routing and the server's check of the kill switch all read it).
 */

/** Whether a feature is off: switched off remotely (the bundle's kill switch) or by the seller. */
export function isSwitchedOff(featureId, killSwitch = [], sellerSwitchedOff = []) {
  return killSwitch.includes(featureId) || sellerSwitchedOff.includes(featureId);
}

/** The page-kind feature started on pages its adapter matches, or null. */
export function pageFeature(features, pageId) {
  return features.find((feature) => feature.kind === "page" && feature.id === pageId) || null;
}
