/** The remedies panel of one order: opens beside its badge, in the top layer. */
import { el } from "./element.js";
import { badgeButton } from "./badge.js";
import { t, uiLanguage, uiLocale } from "./i18n.js";
import { remediesFor, remedyPath, remedyTitle, defaultNewShipDay, messageLocale } from "../../core/remedies.js";
import { renderMessage } from "../../core/render.js";
import { dayToIsoDate, isoDateToDay } from "../../core/business-days.js";
import { formatInstant, formatLongDay } from "../../core/day-format.js";
import { zonedDay } from "../../core/zoned-time.js";
import { savePendingMessage } from "./pending-message.js";

const GAP = 4;

/** Open the panel of a host, or close it if open. `view` is what the badge shows. */
export function togglePanel(host, order, view, compiled) {
  const existing = host.shadowRoot.querySelector(".panel");
  if (existing?.matches(":popover-open")) {
    existing.hidePopover();
    return;
  }
  existing?.remove();
  const panel = buildPanel(host, order, view, compiled);
  host.shadowRoot.append(panel);
  panel.showPopover();
  placeBeside(panel, host);
  badgeButton(host).setAttribute("aria-expanded", "true");
  panel.querySelector("input, .actions button")?.focus();
}

/**
 * Beside the badge, on its left, so the status column and its other badges stay
 * visible and clickable; below it when there is no room on the left.
 */
function placeBeside(panel, host) {
  const anchor = host.getBoundingClientRect();
  const { offsetWidth: width, offsetHeight: height } = panel;
  const clampTop = (top) => Math.max(GAP, Math.min(top, window.innerHeight - height - GAP));
  if (anchor.left - width - GAP >= GAP) {
    panel.style.left = `${anchor.left - width - GAP}px`;
    panel.style.top = `${clampTop(anchor.top)}px`;
    return;
  }
  const left = Math.max(GAP, Math.min(anchor.right - width, window.innerWidth - width - GAP));
  const fitsBelow = anchor.bottom + GAP + height <= window.innerHeight;
  panel.style.left = `${left}px`;
  panel.style.top = `${fitsBelow ? anchor.bottom + GAP : clampTop(anchor.top - height - GAP)}px`;
}

function buildPanel(host, order, view, compiled) {
  const titleId = `shipguard-title-${order.orderId}`;
  const feedback = el("p", { className: "feedback", role: "status", "aria-live": "polite" });
  const remedies = remediesFor(view.status, compiled.remedies, order.actions);
  const messages = remedies.filter((r) => r.kind === "copy-message" && compiled.templates.has(r.template));
  const pages = remedies.filter((r) => r.kind === "open-page");
  const newDateInput = messages.length && order.shipByDay ? newShipDateInput(order, compiled) : null;
  const panel = el("div", { className: "panel", role: "dialog", "aria-labelledby": titleId, popover: "auto" },
    el("button", { type: "button", className: "close", "aria-label": t("panelClose"), onclick: () => panel.hidePopover() }, "×"),
    el("h2", { id: titleId }, t("panelTitle", [order.orderId])),
    el("p", {}, view.text),
    deadlineLine(order),
    newDateInput && el("fieldset", {},
      el("legend", {}, t("panelTellBuyer")),
      el("label", {}, t("panelNewShipDate"), newDateInput),
      el("div", { className: "actions" }, ...messages.map((remedy) =>
        actionButton(remedy, () => copyMessage(remedy, order, newDateInput.value, compiled, feedback))))),
    pages.length > 0 && el("fieldset", {},
      el("legend", {}, t("panelActOnOrder")),
      el("div", { className: "actions" }, ...pages.map((remedy) =>
        actionButton(remedy, () => openPage(remedy, order))))),
    feedback);
  panel.addEventListener("toggle", (event) => {
    if (event.newState === "closed") {
      const button = badgeButton(host);
      button.setAttribute("aria-expanded", "false");
      if (host.shadowRoot.activeElement && panel.contains(host.shadowRoot.activeElement)) button.focus();
    }
  });
  return panel;
}

function actionButton(remedy, onclick) {
  return el("button", { type: "button", dataset: { shipguardAction: remedy.id }, onclick },
    remedyTitle(remedy, uiLanguage()));
}

function deadlineLine(order) {
  if (order.deadline === null) return null;
  const zone = order.marketplace.time_zone;
  const there = formatInstant(order.deadline, uiLocale(), zone);
  const here = formatInstant(order.deadline, uiLocale(), undefined);
  return el("p", { className: "deadline" }, t("panelDeadline", [there, here]));
}

function newShipDateInput(order, compiled) {
  const today = zonedDay(Date.now(), order.marketplace.time_zone);
  const suggested = defaultNewShipDay(order.shipByDay, today, compiled.delayBusinessDays, order.marketplace);
  return el("input", { type: "date", value: dayToIsoDate(suggested), min: dayToIsoDate(today), required: true });
}

async function copyMessage(remedy, order, newDateValue, compiled, feedback) {
  const template = compiled.templates.get(remedy.template);
  const locale = messageLocale(template, order.marketplace);
  const newDay = isoDateToDay(newDateValue);
  const fields = {
    order_id: order.orderId,
    ship_by: formatLongDay(order.shipByDay, locale),
    new_ship_date: newDay ? formatLongDay(newDay, locale) : "",
  };
  const message = renderMessage(template, locale, fields);
  feedback.classList.remove("problem");
  if (message.findings.some((f) => f.severity === "error")) {
    feedback.classList.add("problem");
    feedback.textContent = t("panelMessageIncomplete");
    return;
  }
  savePendingMessage(order.orderId, { body: message.body, template: template.id, locale }).catch(() => {});
  try {
    await navigator.clipboard.writeText(message.body);
    feedback.textContent = t("panelCopied");
  } catch {
    feedback.classList.add("problem");
    feedback.textContent = t("panelCopyFailed");
    feedback.after(el("textarea", { readonly: true, "aria-label": t("panelMessageText") }, message.body));
  }
}

function openPage(remedy, order) {
  const path = remedyPath(remedy, { orderId: order.orderId, marketplaceId: order.marketplace?.id });
  // Same origin only: the bundle's paths are checked to be paths, and URL() keeps them so.
  const url = new URL(path, location.origin);
  if (url.origin === location.origin) window.open(url.href, "_blank", "noopener");
}
