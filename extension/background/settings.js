/** The seller's settings, synced across their browsers where the browser supports it. */

export const DEFAULT_SERVER_URL = "http://127.0.0.1:8417";

/**
 * A server URL as the seller typed it, made canonical ("https://rules.example.com"), or
 * null when it is not a plain http(s) address: no credentials, query or fragment.
 */
export function normaliseServerUrl(text) {
  let url;
  try {
    url = new URL(String(text).trim());
  } catch {
    return null;
  }
  if (!["http:", "https:"].includes(url.protocol) || url.username || url.password || url.search || url.hash) return null;
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

export async function serverUrl() {
  const { serverUrl: stored } = await chrome.storage.sync.get("serverUrl");
  return normaliseServerUrl(stored || "") || DEFAULT_SERVER_URL;
}
