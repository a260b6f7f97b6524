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

const squash = (text) => (text || "").replace(/\s+/g, " ").replace(/[’‘]/g, "'").trim();

// The first letter of each label list, so most text nodes are skipped with one lookup.
const firstLetters = new WeakMap();

function firstLettersOf(labels) {
  let letters = firstLetters.get(labels);
  if (!letters) firstLetters.set(labels, (letters = new Set(labels.map((label) => label[0]))));
  return letters;
}

/**
 * The value after a label such as "Ship by date:" inside `scope`, and which label it was:
 * {label, value}, or null. Seller Central renders the label and its value in one text node
 * or in sibling elements; we take the smallest element around the label that also holds
 * a value, and stop at the next label.
 */
export function labelled(scope, labels, allLabels) {
  if (!scope) return null;
  const letters = firstLettersOf(labels);
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = node.data.trimStart();
    if (!letters.has(data[0])) continue;
    const own = squash(data);
    const label = labels.find((l) => own.startsWith(l));
    if (!label) continue;
    let holder = node;
    while (holder !== scope && squash(holder.textContent).length <= label.length) holder = holder.parentNode;
    const text = squash(holder.textContent);
    let value = text.slice(text.indexOf(label) + label.length);
    for (const other of allLabels) {
      const at = value.indexOf(other);
      if (at >= 0) value = value.slice(0, at);
    }
    return { label, value: value.trim() };
  }
  return null;
}

/** The value after a label (see `labelled`), or null. */
export const labelledValue = (scope, labels, allLabels) => labelled(scope, labels, allLabels)?.value ?? null;
