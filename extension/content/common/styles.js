/** The overlay's look, shared by every shadow root as one constructed stylesheet. */

const CSS = `
:host { all: initial; display: inline-block; margin: 4px 0 0; vertical-align: middle; }
.badge {
  font: 600 12px/1.3 "Amazon Ember", Arial, sans-serif; cursor: pointer;
  border: 1px solid transparent; border-radius: 10px; padding: 2px 8px;
  /* A long badge (a mark, a long date in the seller's language) wraps rather than overflowing the column. */
  white-space: normal; max-width: 24em; text-align: left;
  color: #0f1111; background: #e7f4f5; border-color: #8bc7cc;
}
.badge:focus-visible { outline: 2px solid #007185; outline-offset: 2px; }
:host([data-shipguard-status="late"]) .badge { background: #fde8e8; border-color: #cc0c39; color: #8c0327; }
:host([data-shipguard-status="due-soon"]) .badge { background: #fff4d6; border-color: #c45500; color: #7a3500; }
:host([data-shipguard-status="on-track"]) .badge { background: #e8f6ea; border-color: #067d62; color: #04533f; }
:host([data-shipguard-status="done"]) .badge {
  background: none; border-color: transparent; color: #6b6f70; font-weight: 400; cursor: default;
}
:host([data-shipguard-status="unknown"]) .badge { background: #f0f2f2; border-color: #a2a6ac; color: #3b4040; }
.badge::before { content: "● "; font-size: 10px; }
:host([data-shipguard-mark]) .badge { opacity: .65; }
.panel select { font: inherit; margin-left: 6px; }
.panel input[type="text"] { font: inherit; margin-left: 6px; width: 60%; }
.panel .guidance { margin: 4px 0 6px; padding: 6px 8px; background: #f7fafa; border-radius: 6px; font-size: 12px; }
.panel .mark { font-size: 12px; color: #3b4040; }
.panel .link { border: 0; background: none; color: #007185; cursor: pointer; padding: 0; font: inherit; text-decoration: underline; }
.panel .preview textarea { margin-top: 8px; }
.panel .address-warnings { margin: 4px 0 8px; padding-left: 18px; color: #7a3500; font-size: 12px; }
.panel .carrier-note { margin: 4px 0 8px; padding: 6px 8px; background: #fef8f2; border-left: 3px solid #c45500; font-size: 12px; }
.panel .transit { font-size: 12px; margin: 0 0 6px; }
.panel .transit ul { margin: 2px 0; padding-left: 18px; }
.panel .transit-source { color: #565959; font-size: 11px; margin: 0 0 4px; }
.panel .transit-none { color: #7a3500; }
.panel .findings { margin: 6px 0 0; padding-left: 18px; font-size: 12px; }
.panel .findings .error { color: #8c0327; }
.panel .findings .warning { color: #7a3500; }
.warnings { margin: 0 0 8px; font: 13px/1.4 "Amazon Ember", Arial, sans-serif; color: #7a3500; max-width: 640px; }
.warnings p, .note p { margin: 4px 0; }
.note { margin: 6px 0 8px; font: 13px/1.4 "Amazon Ember", Arial, sans-serif; color: #0f1111; max-width: 640px; }
.inline-actions { display: inline-flex; gap: 8px; align-items: center; margin-left: 8px; }
.inline-actions button {
  font: 600 12px/1.3 "Amazon Ember", Arial, sans-serif; padding: 3px 10px; cursor: pointer;
  border: 1px solid #d5d9d9; border-radius: 8px; background: #ffd814; color: #0f1111;
}
.inline-actions .feedback { font: 12px/1.3 "Amazon Ember", Arial, sans-serif; color: #067d62; }
:host([data-shipguard-status="done"]) .badge::before { content: "✓ "; }
.panel {
  position: fixed; inset: auto; margin: 0; width: 340px; max-width: calc(100vw - 16px);
  max-height: calc(100vh - 8px); overflow-y: auto; overscroll-behavior: contain;
  box-sizing: border-box; padding: 12px 14px; border: 1px solid #a2a6ac; border-radius: 8px;
  background: #fff; color: #0f1111; box-shadow: 0 4px 16px rgba(15, 17, 17, .25);
  font: 13px/1.4 "Amazon Ember", Arial, sans-serif; text-align: left; white-space: normal;
}
.panel h2 { font-size: 14px; margin: 0 24px 4px 0; }
.panel p { margin: 0 0 8px; }
.panel .deadline { color: #3b4040; font-size: 12px; }
.panel fieldset { border: 0; border-top: 1px solid #d5d9d9; margin: 8px 0 0; padding: 8px 0 0; }
.panel legend { font-weight: 600; padding: 0; }
.panel label { display: block; margin: 4px 0 8px; }
.panel input[type="date"] { font: inherit; margin-left: 6px; }
.panel .actions { display: flex; flex-direction: column; gap: 6px; }
.panel .actions button {
  font: inherit; text-align: left; padding: 5px 10px; cursor: pointer;
  border: 1px solid #d5d9d9; border-radius: 6px; background: #fff; color: #0f1111;
}
.panel .actions button:hover { background: #f7fafa; }
.panel button:focus-visible { outline: 2px solid #007185; outline-offset: 1px; }
.panel .close {
  position: absolute; top: 6px; right: 8px; border: 0; background: none; font-size: 18px;
  cursor: pointer; color: #3b4040; line-height: 1;
}
.panel .feedback { min-height: 1.4em; margin: 8px 0 0; font-weight: 600; color: #067d62; }
.panel .feedback.problem { color: #8c0327; }
.panel textarea { width: 100%; min-height: 120px; box-sizing: border-box; font: 12px/1.4 monospace; }
.notice {
  position: relative; padding: 8px 32px 8px 12px; border: 1px solid #a2a6ac; border-radius: 8px;
  background: #fff; color: #0f1111; font: 12px/1.4 "Amazon Ember", Arial, sans-serif;
  box-shadow: 0 2px 8px rgba(15, 17, 17, .2); max-width: 320px;
}
.notice .close { position: absolute; top: 4px; right: 6px; border: 0; background: none; font-size: 16px; cursor: pointer; }
@media (prefers-color-scheme: dark) {
  .panel { background: #1b1f23; color: #e6e6e6; border-color: #555; }
  .panel .deadline { color: #c0c4c4; }
  .panel .actions button { background: #24292e; color: #e6e6e6; border-color: #555; }
  .panel .close { color: #c0c4c4; }
  .panel .guidance { background: #24292e; }
  .panel .mark { color: #c0c4c4; }
}
`;

let shared = null;
let sharedList = null; // the same one-element list for every root: nothing to build per badge

/** The parsed sheet, built once (before rows arrive, see prepareBadges), or null where refused. */
function sharedSheet() {
  if (shared === null) {
    try {
      shared = new CSSStyleSheet();
      shared.replaceSync(CSS);
      sharedList = [shared];
    } catch {
      shared = false; // some engines refuse sheets built in a content script's world
    }
  }
  return shared || null;
}

/** Parse the overlay styles now rather than on the first badge. */
export const prepareStyles = () => void sharedSheet();

/** Give a shadow root the overlay styles; one parsed sheet serves every root. */
export function adoptStyles(root) {
  if (sharedSheet()) {
    try {
      root.adoptedStyleSheets = sharedList;
      return;
    } catch {
      shared = false; // refused when adopted rather than when built: <style> from now on
    }
  }
  const style = document.createElement("style"); // a copy of the root copies it too (restyleCopy)
  style.textContent = CSS;
  root.append(style);
}

/** Give a copy of a styled root its styles: an adopted sheet is not part of a copy. */
export function restyleCopy(root) {
  if (shared) root.adoptedStyleSheets = sharedList;
}
