/**
 * The "Tell the buyer" part of the panel: the facts the templates need (and nothing
 * else), the buyer's language, and one button per message that renders, checks and copies.
 * The delay notice the order's history calls for is offered first, saying why.
 */
import { el } from "./element.js";
import { t, uiLocale, words } from "./i18n.js";
import { savePendingMessage } from "./pending-message.js";
import { logRemedy, remedyLog } from "./remedy-log.js";
import { localText, defaultNewShipDay, messageLocale } from "../../core/remedies.js";
import { renderMessage, placeholdersIn, optionalPlaceholders } from "../../core/render.js";
import { lintMessage, lintOk } from "../../core/lint.js";
import { dayToIsoDate } from "../../core/business-days.js";
import { formatInstant } from "../../core/day-format.js";
import { zonedDay } from "../../core/zoned-time.js";
import { delayNoticesGiven, earlierShipDate, noticeToOffer, withNoticeFirst } from "../../core/delay-notices.js";

// Facts Shipguard fills from the order itself; the seller is asked only for the rest.
const FROM_ORDER = new Set(["order_id", "ship_by"]);

/** The form and buttons for the copy-message remedies of one order. */
export function messageForm(remedies, order, compiled, feedback) {
  const templates = remedies.map((r) => compiled.templates.get(r.template));
  const inputs = fieldInputs(templates, order, compiled);
  const language = languageSelect(templates, order.marketplace, compiled.preferredMessageLocale);
  const preview = el("div", { className: "preview" });
  const buttons = new Map(remedies.map((remedy, i) => [remedy.id, el("button", {
    type: "button",
    className: "copy-message",
    dataset: { shipguardAction: remedy.id },
    onclick: async () => {
      const given = await copyMessage(remedy, templates[i], order, inputs, language, feedback, preview, compiled);
      // A delay message just given counts at once: the next one offered is the second notice.
      if (given && templates[i].delay_notice) {
        history.push(given);
        showOffer();
      }
    },
  }, localText(remedy.title, uiLocale()))]));
  const actions = el("div", { className: "actions" }, ...buttons.values());
  // Only a group of delay messages has a notice to offer (not the address request).
  const offer = templates.some((tpl) => tpl.delay_notice) ? el("p", { className: "offered-notice", hidden: true }) : null;
  const history = [];
  let historyRead = false;
  const showOffer = () => {
    if (!historyRead) return;
    const offered = templates.map((tpl) => tpl.delay_notice);
    const notice = noticeToOffer(history, !noDate || !noDate.checkbox.checked, offered);
    actions.replaceChildren(...withNoticeFirst(remedies, compiled.templates, notice).map((r) => buttons.get(r.id)));
    offer.hidden = notice === null;
    // "none" once the history is read: the sign that no notice is due, not a guess.
    offer.dataset.shipguardNotice = notice ?? "none";
    offer.textContent = notice === "second" ? t("panelOfferSecondNotice", [formatInstant(history.at(-1).at, uiLocale())])
      : notice === "open-ended" ? t("panelOfferOpenEnded") : "";
  };
  const noDate = noDateChoice(templates, inputs, showOffer);
  if (offer) remedyLog().then((log) => {
    history.unshift(...delayNoticesGiven(log, order.orderId, compiled.templates));
    const earlier = inputs.get("earlier_ship_date")?.input;
    const promised = earlierShipDate(history, earlier?.min ?? "");
    if (earlier && promised && !earlier.value) earlier.value = promised;
    historyRead = true;
    showOffer();
  });
  return [
    ...[...inputs.values()].map(({ label }) => label),
    noDate?.label,
    language.label,
    offer,
    actions,
    preview,
  ].filter(Boolean);
}

/**
 * "No new ship date known yet": offered when an open-ended notice is among the messages;
 * ticking it clears and disables the dates that notice does without, and offers it first.
 */
function noDateChoice(templates, inputs, onChange) {
  const openEnded = templates.find((tpl) => tpl.delay_notice === "open-ended");
  if (!openEnded) return null;
  const dated = [...inputs].filter(([name, { input }]) => input.type === "date" && !openEnded.placeholders[name]);
  const checkbox = el("input", { type: "checkbox", name: "no_date_known" });
  const kept = new Map();
  checkbox.addEventListener("change", () => {
    for (const [name, { input }] of dated) {
      // Unticked again, the dates come back as they were.
      if (checkbox.checked) kept.set(name, input.value);
      input.value = checkbox.checked ? "" : kept.get(name) ?? "";
      input.disabled = checkbox.checked;
    }
    onChange();
  });
  return { checkbox, label: el("label", { className: "choice" }, checkbox, t("panelNoDateKnown")) };
}

/**
 * The facts to ask for, in the order the messages use them, required ones first; a fact
 * every message can do without is marked optional.
 */
function factsToAsk(templates) {
  const used = [];
  const required = new Set();
  for (const template of templates) {
    const texts = Object.values(template.locales)[0];
    const text = `${texts.subject}\n${texts.body}`;
    const optional = new Set(optionalPlaceholders(text));
    for (const name of placeholdersIn(text)) {
      if (FROM_ORDER.has(name)) continue;
      if (!used.includes(name)) used.push(name);
      if (!optional.has(name)) required.add(name);
    }
  }
  return [...used.filter((n) => required.has(n)), ...used.filter((n) => !required.has(n))]
    .map((name) => ({ name, optional: !required.has(name) }));
}

function fieldInputs(templates, order, compiled) {
  const described = Object.assign({}, ...templates.map((tpl) => tpl.placeholders));
  const today = zonedDay(Date.now(), order.marketplace.time_zone);
  const inputs = new Map();
  for (const { name, optional } of factsToAsk(templates)) {
    const isDate = described[name]?.type === "date";
    const input = el("input", { type: isDate ? "date" : "text", name });
    if (isDate) input.min = dayToIsoDate(today);
    if (name === "new_ship_date") {
      input.value = dayToIsoDate(defaultNewShipDay(order.shipByDay, today, compiled.delayBusinessDays, order.marketplace));
    }
    const text = factLabel(described[name]);
    inputs.set(name, { input, label: el("label", {}, optional ? t("panelOptionalFact", [text]) : text, input) });
  }
  return inputs;
}

function languageSelect(templates, marketplace, preferred) {
  const locales = [...new Set(templates.flatMap((tpl) => Object.keys(tpl.locales)))].sort();
  const chosen = locales.includes(preferred) ? preferred : messageLocale(templates[0], marketplace);
  const select = el("select", { name: "locale" }, ...locales.map((locale) =>
    el("option", { value: locale, selected: locale === chosen }, words.languageName(locale))));
  const label = el("label", { hidden: locales.length < 2 }, t("panelMessageLanguage"), select);
  return { select, label };
}

// Days go in as YYYY-MM-DD (a date input's value): the renderer writes them as the
// buyer's language needs them in a sentence.
function fieldsFor(order, inputs) {
  const fields = { order_id: order.orderId, ship_by: dayToIsoDate(order.shipByDay) };
  for (const [name, { input }] of inputs) fields[name] = input.value;
  return fields;
}

async function copyMessage(remedy, template, order, inputs, language, feedback, preview, compiled) {
  const locale = template.locales[language.select.value] ? language.select.value : messageLocale(template, order.marketplace);
  const fields = fieldsFor(order, inputs);
  const message = renderMessage(template, locale, fields, compiled.dateFormats);
  feedback.classList.remove("problem");
  preview.replaceChildren();
  const missing = [...new Set(message.findings
    .filter((f) => f.rule === "unfilled-placeholder")
    .map((f) => message.body.slice(f.start + 1, f.end - 1)))];
  if (missing.length) {
    feedback.classList.add("problem");
    feedback.textContent = t("panelMessageIncomplete", [new Intl.ListFormat(uiLocale()).format(missing.map((n) => describe(n, template)))]);
    return;
  }
  // What the seller typed is checked against Amazon's rules too (a phone number, a link…).
  const findings = lintMessage(message.body, { locale, marketplace: order.marketplace.code }, compiled.lint);
  preview.append(el("textarea", { readonly: true, "aria-label": t("panelMessageText") }, message.body));
  if (findings.length > 0) {
    preview.append(el("ul", { className: "findings" }, ...findings.map((f) =>
      el("li", { className: f.severity }, t("labelledText", [message.body.slice(f.start, f.end), findingText(f)])))));
  }
  if (!lintOk(findings)) {
    feedback.classList.add("problem");
    feedback.textContent = t("panelMessageBreaksRules");
    return;
  }
  savePendingMessage(order.orderId, { body: message.body, template: template.id, reason: template.reason, locale })
    .catch(() => {});
  const given = { template: template.id, ...(fields.new_ship_date ? { newShipDate: fields.new_ship_date } : {}) };
  logRemedy(order.orderId, remedy.id, given);
  try {
    await navigator.clipboard.writeText(message.body);
    feedback.textContent = t("panelCopied");
  } catch {
    feedback.classList.add("problem");
    feedback.textContent = t("panelCopyFailed");
  }
  // Logged as given either way: the seller has the text on screen to copy by hand.
  return { orderId: order.orderId, at: Date.now(), ...given };
}

const describe = (name, template) => (template.placeholders[name] ? factLabel(template.placeholders[name]) : name);

/** What the seller is asked for: the template's label in the UI language, else its description. */
const factLabel = (placeholder) => (placeholder.label ? localText(placeholder.label, uiLocale()) : placeholder.description);

/** A lint finding in the UI language; a team's own rule brings only its English message. */
function findingText(finding) {
  const key = `lint_${finding.rule.replaceAll("-", "_")}`;
  const text = t(key);
  return text === key ? finding.message : text;
}
