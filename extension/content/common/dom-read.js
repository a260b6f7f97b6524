/** Reading Seller Central markup through the adapter's selectors: never throws, never writes. */

/** The first element matched by the first selector that matches anything, or null. */
export function firstMatch(root, selectors) {
  for (const selector of selectors || []) {
    try {
      const found = root.querySelector(selector);
      if (found) return found;
    } catch {
      // A malformed selector in the data must cost one fallback, not the page.
    }
  }
  return null;
}

/** All elements matched by the first selector that matches anything. */
export function allMatches(root, selectors) {
  for (const selector of selectors || []) {
    try {
      const found = root.querySelectorAll(selector);
      if (found.length) return [...found];
    } catch {
      // As above: try the next fallback.
    }
  }
  return [];
}
