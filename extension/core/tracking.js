/**
 * Tracking id checks for confirm shipment: format, check digit and carrier, from the carriers
 * data (formats converted from the tracking_number_data dataset, and our own where it has none).
 */

// The carrier list's value for a carrier typed by hand; the page adapter maps localised labels to it.
export const OTHER_CARRIER = "Other";

// Spaces and dashes sellers type or paste between groups of a tracking id (after NFKC, which
// already turns full-width digits, letters and spaces into ASCII). Spelled out rather than \s
// because JavaScript's and Python's \s differ at the edges.
const SEPARATORS = /[\t-\r \x85\xa0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff\-\u2010-\u2015\u2212\u30fc]/g;
// eslint-disable-next-line no-control-regex -- every ASCII character that is not a letter or digit
const ASCII_NON_ALNUM = /[\x00-\x2f\x3a-\x60\x7b-\x7f]+/g;
const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

// How well an id fits one format (or a carrier's best format); higher is better.
export const NO_MATCH = 0;
export const CHECK_FAILED = 1;
export const FORMAT_ONLY = 2;
export const CHECKED = 3;

/** The id as carriers print it: NFKC, no spaces or dashes, upper-case. */
export function normaliseTrackingId(text) {
  return String(text ?? "").normalize("NFKC").replace(SEPARATORS, "").toUpperCase();
}

/** A carrier name reduced for comparison: NFKC, lower-case, ASCII punctuation as one space. */
export function nameKey(text) {
  return String(text ?? "").normalize("NFKC").toLowerCase().replace(ASCII_NON_ALNUM, " ").trim();
}

function digits(text) {
  if (!/^[0-9]+$/.test(text)) throw new RangeError(`not digits: ${text}`);
  return [...text].map((c) => c.charCodeAt(0) - 48);
}

function weightedFromRight(text, weights) {
  return digits(text).reverse().reduce((sum, d, i) => sum + d * weights[i % weights.length], 0);
}

const tenComplement = (total) => (10 - (total % 10)) % 10;

// The dataset's letter values: (character code - 3) mod 10, so A=2 … Z=1 (UPS's own table).
const characterValue = (c) => (c <= "9" ? c.charCodeAt(0) - 48 : (c.charCodeAt(0) - 3) % 10);

function mod10(text, [evens, odds]) {
  // Weights from the left: the first character (index 0) gets `evens`, the next `odds`.
  if (!/^[0-9A-Z]+$/.test(text)) throw new RangeError(`not letters or digits: ${text}`);
  return tenComplement([...text].reduce((sum, c, i) => sum + characterValue(c) * (i % 2 ? odds : evens), 0));
}

function weightedMod(text, weights, [first, second]) {
  // One weight per digit from the left; digits beyond the weights count for nothing.
  return (digits(text).reduce((sum, d, i) => sum + d * (weights[i] ?? 0), 0) % first) % second;
}

function mod7(text) {
  // Digit by digit, so ids longer than a double's 15 safe digits stay exact.
  return digits(text).reduce((remainder, d) => (remainder * 10 + d) % 7, 0);
}

function s10(text) {
  const values = digits(text);
  if (values.length !== S10_WEIGHTS.length) throw new RangeError("S10 checks exactly 8 digits");
  const check = 11 - (values.reduce((sum, d, i) => sum + d * S10_WEIGHTS[i], 0) % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

// Each returns the check digit the payload should carry; the keys are the data's `check`
// names, and the format brings the dataset's parameters (weights, moduli).
export const CHECK_DIGITS = {
  mod10: (p, format) => mod10(p, format.weights),
  "weighted-mod": (p, format) => weightedMod(p, format.weights, format.moduli),
  "mod10-31": (p) => tenComplement(weightedFromRight(p, [3, 1])),
  "mod10-31-plus1": (p) => tenComplement(weightedFromRight(p, [3, 1]) + 1),
  "mod10-49": (p) => tenComplement(weightedFromRight(p, [4, 9])),
  mod7,
  s10,
};

function compileFormat(format) {
  try {
    const prefix = format.serial_prefix;
    return { ...format, pattern: new RegExp(format.regex), prefixWhen: prefix ? new RegExp(prefix.if_matches) : null };
  } catch {
    return null; // the server validates every pattern; one that still fails is skipped, not thrown
  }
}

/** Carriers made ready for checks: regexes compiled once per bundle. */
export function compileCarriers(carriers) {
  return (Array.isArray(carriers) ? carriers : []).map((carrier) => ({
    ...carrier,
    aliases: carrier.aliases || [],
    formats: (carrier.formats || []).map(compileFormat).filter(Boolean),
  }));
}

/** The digits a format's check covers: the first group, with the digits some forms leave off. */
function checkedPart(format, serial) {
  return format.prefixWhen?.test(serial) ? format.serial_prefix.prepend + serial : serial;
}

/** How a normalised id fits one compiled format: NO_MATCH, CHECK_FAILED, FORMAT_ONLY or CHECKED. */
export function formatScore(format, trackingId) {
  const match = format.pattern.exec(trackingId);
  if (!match || match[0] !== trackingId) return NO_MATCH;
  if (format.check === "none") return FORMAT_ONLY;
  const compute = CHECK_DIGITS[format.check];
  try {
    return compute && String(compute(checkedPart(format, match[1]), format)) === match[2] ? CHECKED : CHECK_FAILED;
  } catch {
    return CHECK_FAILED;
  }
}

/** [best score, the format that gave it] for a carrier; the first format wins a tie. */
function carrierScore(carrier, trackingId) {
  let best = [NO_MATCH, null];
  for (const format of carrier.formats) {
    const score = formatScore(format, trackingId);
    if (score > best[0]) best = [score, format];
  }
  return best;
}

const namesOf = (carrier) => [carrier.name, ...carrier.amazon_names, ...carrier.aliases];
// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const isAscii = (text) => /^[\x00-\x7f]*$/.test(text);

/**
 * The carrier answering to a name from Amazon's carrier list, or null. Official names win
 * over aliases, so "Hermes" is Hermes even though Evri was once called so; pass the
 * marketplace's carriers first to prefer them.
 */
export function findCarrier(carrierName, compiled) {
  const key = nameKey(carrierName);
  if (!key) return null;
  for (const namesToTry of [(c) => [c.name, ...c.amazon_names], (c) => c.aliases]) {
    const found = compiled.find((carrier) => namesToTry(carrier).some((name) => nameKey(name) === key));
    if (found) return found;
  }
  return null;
}

/** Carriers whose name appears in free text: whole words for Latin names, anywhere for others. */
export function carriersNamedIn(text, compiled) {
  const typed = nameKey(text);
  if (!typed) return [];
  return compiled.filter((carrier) =>
    namesOf(carrier).map(nameKey).some((name) => name && (isAscii(name) ? ` ${typed} `.includes(` ${name} `) : typed.includes(name))),
  );
}

const finding = (rule, message) => ({ rule, severity: "warning", message });
const suggest = (carriers) => carriers.map((c) => `\u201c${c.amazon_names[0]}\u201d`).join(" or ");
const namesJoined = (carriers) => carriers.map((c) => c.name).join(" or ");

/** The carriers fitting the id best, if at least `atLeast`, each with the format it fits. */
function bestRivals(trackingId, carriers, atLeast) {
  const scored = carriers.map((carrier) => [carrier, ...carrierScore(carrier, trackingId)]);
  const top = Math.max(NO_MATCH, ...scored.map(([, score]) => score));
  if (top < atLeast) return [];
  return scored.filter(([, score]) => score === top).map(([carrier, , format]) => [carrier, format]);
}

/** Other carriers of the marketplace that fit the id better than the chosen one. */
function rivalsOf(trackingId, chosen, score, pool) {
  const others = pool.filter((c) => c.id !== chosen.id);
  if (score === NO_MATCH) return bestRivals(trackingId, others, FORMAT_ONLY);
  if (score === CHECK_FAILED) {
    // A mistyped digit is likelier than a wrong carrier, unless the id fits another
    // carrier's distinctive format with a check digit that adds up.
    return bestRivals(trackingId, others, CHECKED).filter(([, format]) => format.distinctive);
  }
  return [];
}

function chosenFindings(trackingId, chosen, pool) {
  const [score, format] = carrierScore(chosen, trackingId);
  const findings = [];
  if (score === NO_MATCH) {
    findings.push(finding("tracking-format",
      `This does not look like a ${chosen.name} tracking id: none of its known formats fits. ` +
      "Check for a missing, extra or mistyped character."));
  } else if (score === CHECK_FAILED) {
    findings.push(finding("tracking-check-digit",
      `The check digit of this ${chosen.name} tracking id does not add up (${format.description}). ` +
      "A character is probably mistyped, or two are swapped."));
  }
  const rivals = rivalsOf(trackingId, chosen, score, pool);
  if (rivals.length) {
    const names = namesJoined(rivals.map(([carrier]) => carrier));
    findings.push(finding("tracking-carrier-mismatch",
      `This tracking id fits ${names} better than ${chosen.name} (${rivals[0][1].description}). ` +
      `If ${names} carries this parcel, choose ${suggest(rivals.map(([carrier]) => carrier))} ` +
      "in the carrier list."));
  }
  return findings;
}

function otherFindings(trackingId, otherCarrierName, pool) {
  const named = carriersNamedIn(otherCarrierName, pool);
  if (named.length) {
    return [finding("tracking-other-carrier",
      `Amazon integrates ${namesJoined(named)} in this marketplace: tracking confirmed under \u201cOther\u201d ` +
      `counts as invalid for your Valid Tracking Rate. Choose ${suggest(named)} in the carrier list.`)];
  }
  // Only formats that hardly occur elsewhere: a carrier typed under Other may be one we do not know.
  const looksLike = pool.filter((carrier) =>
    carrier.formats.some((format) => format.distinctive && formatScore(format, trackingId) >= FORMAT_ONLY));
  if (!looksLike.length) return [];
  const names = namesJoined(looksLike);
  return [finding("tracking-other-carrier",
    `This tracking id looks like one from ${names}, which Amazon integrates in this marketplace: ` +
    `confirmed under \u201cOther\u201d it counts as invalid for your Valid Tracking Rate. If ${names} ` +
    `carries this parcel, choose ${suggest(looksLike)} in the carrier list.`)];
}

/**
 * Check a tracking id against the carrier chosen on the confirm-shipment page.
 * `carrierName` is the carrier list's choice (OTHER_CARRIER for a carrier typed by hand,
 * whose text is `otherCarrierName`); `marketplace` a marketplace code, or null for any;
 * `compiled` from compileCarriers(bundle.carriers). Returns {ok, findings: [{rule,
 * severity, message}]}; every finding is a warning, as the seller decides. An empty id or
 * a carrier we do not know gets no findings.
 */
export function checkTracking(trackingId, { carrierName, otherCarrierName = null, marketplace = null } = {}, compiled = []) {
  const id = normaliseTrackingId(trackingId);
  let findings = [];
  if (id) {
    const pool = compiled.filter((c) => marketplace == null || c.marketplaces.includes(marketplace));
    if (nameKey(carrierName) === nameKey(OTHER_CARRIER)) {
      findings = otherFindings(id, otherCarrierName, pool);
    } else {
      const chosen = findCarrier(carrierName, [...pool, ...compiled.filter((c) => !pool.includes(c))]);
      findings = chosen ? chosenFindings(id, chosen, pool) : [];
    }
  }
  return { ok: findings.length === 0, findings };
}
