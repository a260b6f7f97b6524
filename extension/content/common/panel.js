/** The remedies panel of one order: opens beside its badge, in the top layer. */
import { el } from "./element.js";
import { badgeButton, keepClicksInside } from "./badge.js";
import { t, uiLocale } from "./i18n.js";
import { messageForm } from "./message-form.js";
import { transitList } from "./transit-list.js";
import { CARRIER_HOLIDAY } from "./carrier-note.js";
import { logRemedy } from "./remedy-log.js";
import { markOf, snoozeOrder, markHandled, clearMark } from "./order-marks.js";
import { remediesFor, remedyPath, localText } from "../../core/remedies.js";
import { formatInstant } from "../../core/day-format.js";

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
  keepClicksInside(host);
  host.shadowRoot.append(panel);
  panel.showPopover();
  placeBeside(panel, host);
  badgeButton(host).setAttribute("aria-expanded", "true");
  panel.querySelector("input, select, .actions button")?.focus();
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

/** The remedies the order can use: allowed by Amazon, with every value their paths need. */
function usableRemedies(view, order, compiled) {
  return remediesFor(view.status, compiled.remedies, order.actions).filter((remedy) => {
    if (remedy.kind === "copy-message") return compiled.templates.has(remedy.template) && order.shipByDay && order.marketplace;
    if (remedy.kind === "open-page") return remedyPath(remedy, order) !== null;
    return true;
  });
}

// What a group shows above its remedies (the rules' `shows`), by name.
const GROUP_CONTENTS = {
  "shipping-address": (order) => addressList(order),
  "services-in-time": (order, compiled) => transitList(order, Date.now(), compiled),
};

function buildPanel(host, order, view, compiled) {
  const titleId = `shipguard-title-${order.orderId}`;
  const feedback = el("p", { className: "feedback", role: "status", "aria-live": "polite" });
  const remedies = usableRemedies(view, order, compiled);
  const sections = compiled.groups
    .map((group) => ({ group, remedies: remedies.filter((r) => r.group === group.id) }))
    .filter((section) => section.remedies.length > 0)
    .map(({ group, remedies: inGroup }) => el("fieldset", {},
      el("legend", {}, localText(group.title, uiLocale())),
      GROUP_CONTENTS[group.shows]?.(order, compiled) ?? null,
      ...sectionBody(inGroup, order, compiled, feedback)));
  const panel = el("div", { className: "panel", role: "dialog", "aria-labelledby": titleId, popover: "auto" },
    el("button", { type: "button", className: "close", "aria-label": t("panelClose"), onclick: () => panel.hidePopover() }, "×"),
    el("h2", { id: titleId }, t("panelTitle", [order.orderId])),
    el("p", {}, view.text),
    deadlineLine(order),
    view.carrierNote && el("p", { className: "carrier-note", dataset: { shipguardNote: CARRIER_HOLIDAY } }, view.carrierNote.text),
    markLine(order),
    ...sections,
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

function sectionBody(remedies, order, compiled, feedback) {
  const messages = remedies.filter((r) => r.kind === "copy-message");
  const others = remedies.filter((r) => r.kind !== "copy-message");
  return [
    ...(messages.length ? messageForm(messages, order, compiled, feedback) : []),
    others.length > 0 && el("div", { className: "actions" }, ...others.map((r) => actionButton(r, order, feedback))),
  ].filter(Boolean);
}

const ACTIONS = {
  "open-page": (remedy, order) => openPage(remedy, order),
  snooze: async (remedy, order, feedback) => {
    await snoozeOrder(order.orderId, remedy.snooze_hours);
    feedback.textContent = t("panelSnoozed", [formatInstant(markOf(order.orderId).until, uiLocale())]);
  },
  "mark-handled": async (remedy, order, feedback) => {
    await markHandled(order.orderId);
    feedback.textContent = t("panelMarkedHandled");
  },
};

function actionButton(remedy, order, feedback) {
  const title = localText(remedy.title, uiLocale());
  if (remedy.kind === "info") return infoButton(remedy, title);
  return el("button", {
    type: "button",
    dataset: { shipguardAction: remedy.id },
    onclick: () => {
      logRemedy(order.orderId, remedy.id);
      ACTIONS[remedy.kind](remedy, order, feedback);
    },
  }, title);
}

/** Guidance to read: a button that shows or hides its text. */
function infoButton(remedy, title) {
  const text = el("p", { className: "guidance", hidden: true }, localText(remedy.body, uiLocale()));
  const button = el("button", {
    type: "button", dataset: { shipguardAction: remedy.id }, "aria-expanded": "false",
    onclick: () => {
      text.hidden = !text.hidden;
      button.setAttribute("aria-expanded", String(!text.hidden));
    },
  }, title);
  return el("div", {}, button, text);
}

/** What looks wrong with the shipping address (order details only), for the seller to check. */
function addressList(order) {
  if (!order.addressWarnings?.length) return null;
  return el("ul", { className: "address-warnings" },
    ...order.addressWarnings.map((rule) => el("li", {}, t(`address_${rule.replaceAll("-", "_")}`))));
}

function deadlineLine(order) {
  if (order.deadline === null) return null;
  const there = formatInstant(order.deadline, uiLocale(), order.marketplace.time_zone);
  const here = formatInstant(order.deadline, uiLocale(), undefined);
  return el("p", { className: "deadline" }, t("panelDeadline", [there, here]));
}

function markLine(order) {
  const mark = markOf(order.orderId);
  if (!mark) return null;
  const text = mark.kind === "snoozed" ? t("panelSnoozed", [formatInstant(mark.until, uiLocale())]) : t("panelMarkedHandled");
  const undo = el("button", { type: "button", className: "link", onclick: () => clearMark(order.orderId) }, t("panelUndoMark"));
  return el("p", { className: "mark" }, text, " ", undo);
}

function openPage(remedy, order) {
  // Same origin only: the bundle's paths are checked to be paths, and URL() keeps them so.
  const url = new URL(remedyPath(remedy, order), location.origin);
  if (url.origin === location.origin) window.open(url.href, "_blank", "noopener");
}
