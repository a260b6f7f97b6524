/**
 * Warnings about a shipping address, from what the order page shows: heuristics as data
 * (rules.address_checks), for the seller to look at before shipping. Never a verdict.
 */

const compiled = new WeakMap();

function compile(checks) {
  let c = compiled.get(checks);
  if (!c) {
    const any = (patterns) => (patterns || []).map((p) => new RegExp(p, "iu"));
    c = {
      poBox: any(checks.po_box),
      unitHint: any(checks.unit_hint),
      unitPresent: any(checks.unit_present),
      poBoxServices: any(checks.po_box_services),
      maxLine: checks.max_line_chars,
    };
    compiled.set(checks, c);
  }
  return c;
}

const matches = (patterns, text) => patterns.some((re) => re.test(text));

/**
 * Rule ids of the problems found: "missing-house-number", "po-box-service", "missing-unit",
 * "long-line". `lines` are the address lines after the buyer's name; `service` the
 * shipping service the order names.
 */
export function addressWarnings(lines, service, checks) {
  if (!checks || lines.length === 0) return [];
  const c = compile(checks);
  const warnings = [];
  const street = lines[0];
  const poBox = lines.some((line) => matches(c.poBox, line));
  if (!poBox && !/\d/u.test(street)) warnings.push("missing-house-number");
  if (poBox && service && matches(c.poBoxServices, service)) warnings.push("po-box-service");
  const all = lines.join("\n");
  if (matches(c.unitHint, all) && !matches(c.unitPresent, all)) warnings.push("missing-unit");
  if (c.maxLine && lines.some((line) => line.length > c.maxLine)) warnings.push("long-line");
  return warnings;
}
