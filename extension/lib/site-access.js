/**
 * Whether Shipguard may run on Seller Central. Browsers let the seller withhold an
 * extension's site access (Firefox per site in the add-on's Permissions, Chrome under
 * "Site access"); the content scripts then never run, so the popup and the toolbar say so.
 */

/** The Seller Central sites the content scripts are declared for, from the manifest. */
export function sellerCentralOrigins() {
  const matches = chrome.runtime.getManifest().content_scripts.flatMap((script) => script.matches);
  return [...new Set(matches)];
}

/** The Seller Central sites Shipguard may not run on now (patterns, manifest order). */
export async function withheldOrigins() {
  const origins = sellerCentralOrigins();
  const granted = await Promise.all(origins.map((origin) => chrome.permissions.contains({ origins: [origin] })));
  return origins.filter((_, i) => !granted[i]);
}

/** A pattern's host name, as the seller knows the site: https://sellercentral.amazon.de/* gives sellercentral.amazon.de. */
export const hostOf = (pattern) => pattern.replace(/^https:\/\//, "").replace(/\/\*$/, "");
