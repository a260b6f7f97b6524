/** Which adapter step failed on which page, kept locally for the popup's diagnostics. */
const KEY = "adapterProblems";
const KEEP = 20;

export async function recordProblem(pageId, step, version) {
  try {
    const { [KEY]: list = [] } = await chrome.storage.local.get(KEY);
    list.unshift({ pageId, step, version, path: location.pathname, at: Date.now() });
    await chrome.storage.local.set({ [KEY]: list.slice(0, KEEP) });
  } catch {
    // Diagnostics are a courtesy; losing one must not disturb the page.
  }
}
