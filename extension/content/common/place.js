/** Putting an overlay host next to Amazon's markup without rewriting any of it. */

/** Place `host` relative to `anchor`: inside at the end (append), or just after/before it. */
export function placeHost(host, anchor, placement = "append") {
  if (placement === "after") anchor.after(host);
  else if (placement === "before") anchor.before(host);
  else anchor.append(host);
}

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
