/** Keyboard shortcuts on the page (see manifest "commands"), sent by the service worker. */
import { HOST_TAG } from "./badge.js";

const NEEDS_ACTION = `${HOST_TAG}[data-shipguard-status="late"], ${HOST_TAG}[data-shipguard-status="due-soon"]`;

/** Focus the next late or due-soon badge after the focused one, wrapping round. */
function focusNextOrder() {
  const hosts = [...document.querySelectorAll(NEEDS_ACTION)];
  if (hosts.length === 0) return;
  const current = hosts.indexOf(document.activeElement);
  const next = hosts[(current + 1) % hosts.length];
  next.scrollIntoView({ block: "center" });
  next.shadowRoot.querySelector(".badge").focus();
}

/** In the open panel, press the first message button (render, check, copy). */
function copyFirstMessage() {
  for (const host of document.querySelectorAll(HOST_TAG)) {
    const panel = host.shadowRoot?.querySelector(".panel");
    if (panel?.matches(":popover-open")) {
      panel.querySelector("button.copy-message")?.click();
      return;
    }
  }
}

export const COMMANDS = { "next-order": focusNextOrder, "copy-first-message": copyFirstMessage };
