/** One small, dismissible notice when Shipguard cannot read a page it should know. */
import { el } from "./element.js";
import { adoptStyles } from "./styles.js";
import { t } from "./i18n.js";

const NOTICE_TAG = "shipguard-notice";

/** Show the notice (once per page) naming the rules version in use. */
export function showLayoutNotice(version) {
  if (document.querySelector(NOTICE_TAG)) return;
  const host = document.createElement(NOTICE_TAG);
  host.style.cssText = "position:fixed;right:16px;bottom:16px;z-index:2147483000;";
  const root = host.attachShadow({ mode: "open" });
  adoptStyles(root);
  root.append(el("div", { className: "notice", role: "status" },
    el("span", {}, t("noticeLayout", [version])),
    el("button", { type: "button", className: "close", "aria-label": t("panelClose"), onclick: () => host.remove() }, "×")));
  document.body.append(host);
}

export function removeLayoutNotice() {
  document.querySelector(NOTICE_TAG)?.remove();
}
