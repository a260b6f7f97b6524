/** Where the page is, from its URL: the order it is about, the marketplace it names. */

/** The order id in the page's URL, by the adapter's path pattern or query parameter. */
export function orderIdFromUrl(adapter) {
  if (adapter.path_order_id) {
    const match = new RegExp(adapter.path_order_id).exec(location.pathname);
    if (match) return match[1];
  }
  if (adapter.query_order_id) return new URLSearchParams(location.search).get(adapter.query_order_id);
  return null;
}

/** The marketplace id in the page's URL (contact page, Europe-wide hosts), or null. */
export function marketplaceIdFromUrl(adapter) {
  const name = adapter.query_marketplace_id || "marketplaceID";
  return new URLSearchParams(location.search).get(name);
}
