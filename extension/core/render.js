/** Buyer message rendering: the JavaScript twin of server/shipguard/render.py (same vectors). */

const PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/g;

/** The placeholder names a template text uses, in order of first use. */
export function placeholdersIn(text) {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
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
    const raw = fields[match[1]];
    const value = raw === undefined || raw === null ? "" : String(raw).trim();
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

/** Render one language of a template: {subject, body, findings}. */
export function renderMessage(template, locale, fields) {
  const texts = template.locales[locale];
  const subject = fill(texts.subject, fields).text;
  const { text: body, unfilled } = fill(texts.body, fields);
  const findings = unfilled.map(({ name, start, end }) => ({
    rule: "unfilled-placeholder",
    severity: "error",
    message: `Placeholder {${name}} has no value.`,
    start,
    end,
  }));
  return { subject, body, findings };
}
