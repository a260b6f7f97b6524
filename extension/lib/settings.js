/**
 * The seller's settings: synced across their browsers where the browser supports it,
 * except the team token, which stays on this computer.
 */

export const DEFAULT_SERVER_URL = "http://127.0.0.1:8417";

export const DEFAULTS = {
  serverUrl: DEFAULT_SERVER_URL,
  messageLocale: "", // "" = the marketplace's buyer language
  dueSoonHours: null, // null = the rules' window
  remindersOn: false,
  reminderLeadMinutes: 120,
  quietHours: { start: "22:00", end: "07:00" },
  disabledFeatures: [], // ids of the features (core/features.json) the seller switched off
  metrics: {}, // figures typed in: lsr10, orders10, cancel7, orders7 (rates as fractions)
  carriers: [], // carrier ids the seller ships with; [] = every carrier of the marketplace
  shipFromRegion: "", // "DE-BY": regional holidays of the place parcels are collected; "" = national only
};

let features = null;

/**
 * The features a seller can switch off, [{id, kind}] from the registry (core/features.json);
 * the bundle's kill switch names the same ids. Read once per page or worker.
 */
export function loadFeatures() {
  features ??= fetch(chrome.runtime.getURL("core/features.json"))
    .then((response) => response.json())
    .then((registry) => registry.features);
  return features;
}

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

/** Whether a URL's host is this computer: requests to it never cross a network. */
export function isLoopbackUrl(text) {
  let host;
  try {
    host = new URL(text).hostname;
  } catch {
    return false;
  }
  return host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Whether the team token may be sent to this server: over https, or to this computer.
 * Over plain http anyone on the network could read it, or swap the bundle.
 */
export function tokenMayGoTo(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return url.protocol === "https:" || (url.protocol === "http:" && isLoopbackUrl(text));
}

/** Every setting, defaults filled in. */
export async function loadSettings() {
  const stored = await chrome.storage.sync.get(Object.keys(DEFAULTS));
  const settings = { ...DEFAULTS, ...stored };
  settings.serverUrl = normaliseServerUrl(settings.serverUrl) || DEFAULT_SERVER_URL;
  return settings;
}

export const saveSettings = (changes) => chrome.storage.sync.set(changes);

export async function serverUrl() {
  return (await loadSettings()).serverUrl;
}

/** The team token: kept in local storage only, sent only to the configured server (see tokenMayGoTo). */
export async function teamToken() {
  const { teamToken: token } = await chrome.storage.local.get("teamToken");
  return token || "";
}
