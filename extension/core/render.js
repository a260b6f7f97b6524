/**
 * Buyer message rendering: the JavaScript twin of server/shipguard/buyer_messages/render.py (same vectors).
 * Texts use `{name}` placeholders and optional segments `[[ ... {name} ... ]]`: a segment
 * is kept (without its brackets) when all its placeholders have values, else dropped whole.
 */

import { formatMessageDate, messageDateFormats } from "./message-date.js";

const PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/g;
const SEGMENT = /\[\[([\s\S]*?)\]\]/g;

/** The placeholder names a template text uses, in order of first use. */
export function placeholdersIn(text) {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/** Placeholders used only inside optional segments: the message reads well without them. */
export function optionalPlaceholders(text) {
  const outside = new Set(placeholdersIn(text.replace(SEGMENT, "")));
  return placeholdersIn(text).filter((name) => !outside.has(name));
}

const valueOf = (fields, name) => {
  // Own properties only: a placeholder named like an Object method ({constructor}) has no value.
  const raw = Object.hasOwn(fields, name) ? fields[name] : undefined;
  return raw === undefined || raw === null ? "" : String(raw).trim();
};

/** Keep each optional segment whose placeholders all have values, drop the others. */
export function resolveSegments(text, fields) {
  return text.replace(SEGMENT, (whole, inner) =>
    placeholdersIn(inner).every((name) => valueOf(fields, name)) ? inner : "");
}

/**
 * Fill `{name}` placeholders. A missing or blank field stays `{name}` so the seller sees
 * what is missing; returns {text, unfilled: [{name, start, end}]} with spans in the result.
 */
export function fill(text, fields) {
  let out = "";
  let pos = 0;
  const unfilled = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    out += text.slice(pos, match.index);
    const value = valueOf(fields, match[1]);
    if (value) {
      out += value;
    } else {
      unfilled.push({ name: match[1], start: out.length, end: out.length + match[0].length });
      out += match[0];
    }
    pos = match.index + match[0].length;
  }
  return { text: out + text.slice(pos), unfilled };
}

/** The names of a template's placeholders that stand for a day. */
export const datePlaceholders = (template) =>
  Object.entries(template.placeholders || {}).filter(([, spec]) => spec.type === "date").map(([name]) => name);

/** The fields with each day (YYYY-MM-DD) of a date placeholder as the locale writes it. */
function withDatesWritten(template, locale, fields, dateFormats) {
  const formats = messageDateFormats(dateFormats);
  const written = { ...fields };
  for (const name of datePlaceholders(template)) {
    if (Object.hasOwn(fields, name)) written[name] = formatMessageDate(valueOf(fields, name), locale, formats);
  }
  return written;
}

/**
 * Render one language of a template: {subject, body, findings}. Days of date placeholders
 * are written by the locale's `message_date` in `dateFormats` (the bundle's date formats).
 */
export function renderMessage(template, locale, rawFields, dateFormats = []) {
  const texts = template.locales[locale];
  const fields = withDatesWritten(template, locale, rawFields, dateFormats);
  const subject = fill(resolveSegments(texts.subject, fields), fields).text;
  const { text: body, unfilled } = fill(resolveSegments(texts.body, fields), fields);
  const findings = unfilled.map(({ name, start, end }) => ({
    rule: "unfilled-placeholder",
    severity: "error",
    message: `Placeholder {${name}} has no value.`,
    start,
    end,
  }));
  return { subject, body, findings };
}
