/**
 * The bundle the extension runs on: the last good one from the server, cached in
 * storage.local, else the one packed into the extension at build time. A server that is
 * down, slow or answers garbage never replaces a good bundle.
 */
import { bundleProblems } from "../core/bundle-check.js";
import { shippingChoices } from "../core/carrier-calendar.js";
import { servedLayout } from "../core/packed-bundle.js";
import { normaliseServerUrl, serverUrl, teamToken, tokenMayGoTo } from "../lib/settings.js";

const FETCH_TIMEOUT_MS = 5000;
const FRESH_FOR_MS = 15 * 60 * 1000;
const loggedFailures = new Set();

/** The packed bundle that ships inside the extension, in the layout the server serves. */
async function packedBundle() {
  const response = await fetch(chrome.runtime.getURL("bundle.json"));
  return servedLayout(await response.json());
}

/** The bundle to use now: cached if any, else packed. */
export async function currentBundle() {
  const { bundle } = await chrome.storage.local.get("bundle");
  if (bundle && bundleProblems(bundle).length === 0) return bundle;
  return packedBundle();
}

/** What the options page and popup show: version, source, last fetch and problem, the kill switch. */
export async function bundleState() {
  const stored = await chrome.storage.local.get(["bundle", "bundleSource", "fetchedAt", "lastProblem"]);
  const bundle = stored.bundle && bundleProblems(stored.bundle).length === 0 ? stored.bundle : await packedBundle();
  return {
    version: bundle.version,
    messageLocales: [...new Set(bundle.templates.flatMap((t) => Object.keys(t.locales)))].sort(),
    killSwitch: bundle.disabled_features || [],
    source: stored.bundle ? stored.bundleSource || "server" : "packed",
    fetchedAt: stored.fetchedAt || null,
    problem: stored.lastProblem || null,
    serverUrl: await serverUrl(),
    ...shippingChoices(bundle),
  };
}

/** True when the cached bundle is older than FRESH_FOR_MS (or there is none). */
export async function isStale() {
  const { fetchedAt } = await chrome.storage.local.get("fetchedAt");
  return !fetchedAt || Date.now() - fetchedAt > FRESH_FOR_MS;
}

/**
 * Fetch the bundle from the server (conditional on the cached ETag). Returns the problem
 * as text, or null on success; on any problem the cached bundle stays as it was.
 */
export async function refreshBundle() {
  const base = await serverUrl();
  const { etag, bundleUrl } = await chrome.storage.local.get(["etag", "bundleUrl"]);
  const url = `${base}/api/v1/bundle`;
  const headers = etag && bundleUrl === url ? { "If-None-Match": etag } : {};
  const token = await teamToken();
  // The token goes to the configured server only (this URL is built from it), and never in
  // clear text across a network: the server URL syncs between browsers, the token does not,
  // so an http address set elsewhere must not carry it. The options page says why.
  if (token && tokenMayGoTo(url)) headers.Authorization = `Bearer ${token}`;
  try {
    const response = await fetch(url, { headers, cache: "no-store", signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (response.status === 304) {
      await chrome.storage.local.set({ fetchedAt: Date.now(), lastProblem: null });
      return null;
    }
    if (!response.ok) throw new Error(`server answered ${response.status}`);
    const bundle = await response.json().catch(() => { throw new Error("server answered something that is not JSON"); });
    const problems = bundleProblems(bundle);
    if (problems.length) throw new Error(`bundle rejected (${problems.slice(0, 3).join(", ")})`);
    await chrome.storage.local.set({
      bundle, bundleSource: "server", bundleUrl: url, etag: response.headers.get("ETag"),
      fetchedAt: Date.now(), lastProblem: null,
    });
    return null;
  } catch (error) {
    const problem = error.name === "TimeoutError" ? "server did not answer in time" : error.message;
    logOnce(`${url}: ${problem}`);
    await chrome.storage.local.set({ lastProblem: problem, fetchedAt: Date.now() });
    return problem;
  }
}

function logOnce(text) {
  if (loggedFailures.has(text)) return;
  loggedFailures.add(text);
  console.warn(`Shipguard kept its current rules: ${text}`);
}

/**
 * "Test connection" on the options page: does this URL serve a usable bundle? Nothing is
 * cached and no token is sent, since the URL is not the configured server yet.
 */
export async function testServer(text) {
  const base = normaliseServerUrl(text);
  if (!base) return { ok: false, problem: "not a web address" };
  try {
    const response = await fetch(`${base}/api/v1/bundle`, { cache: "no-store", signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!response.ok) return { ok: false, problem: `server answered ${response.status}` };
    const bundle = await response.json();
    const problems = bundleProblems(bundle);
    return problems.length ? { ok: false, problem: `bundle rejected (${problems.slice(0, 3).join(", ")})` } : { ok: true, version: bundle.version };
  } catch (error) {
    return { ok: false, problem: error.name === "TimeoutError" ? "server did not answer in time" : error.message };
  }
}
