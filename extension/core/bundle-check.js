/**
 * The extension's own check of a bundle before it is used or cached: the server
 * validates with its schemas, but a proxy, a captive portal or a broken deploy can still
 * hand us HTML or half a document, and a bad bundle must never replace a good one.
 */

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const isText = (value) => typeof value === "string" && value.length > 0;
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const hasEnglish = (texts) => isObject(texts) && isText(texts.en);

// What each remedy kind needs besides id, group, statuses and title.
const KIND_CHECKS = {
  "copy-message": (remedy, templateIds) => templateIds.has(remedy.template) || "template",
  // Only paths on the page's own origin: data may pick a page, never a foreign site.
  "open-page": (remedy) => (isText(remedy.path) && remedy.path.startsWith("/") && !remedy.path.startsWith("//")) || "path",
  info: (remedy) => hasEnglish(remedy.body) || "body",
  snooze: (remedy) => remedy.snooze_hours > 0 || "snooze_hours",
  "mark-handled": () => true,
};

function checkRemedy(remedy, templateIds, groupIds, where) {
  if (!isObject(remedy) || !KEBAB.test(remedy.id || "")) return [`${where}: id`];
  const problems = [];
  if (!Array.isArray(remedy.statuses)) problems.push(`${where}: statuses`);
  if (!hasEnglish(remedy.title)) problems.push(`${where}: title`);
  if (!groupIds.has(remedy.group)) problems.push(`${where}: group`);
  const check = KIND_CHECKS[remedy.kind];
  const verdict = check ? check(remedy, templateIds) : "kind";
  if (verdict !== true) problems.push(`${where}: ${verdict}`);
  return problems;
}

function checkTemplate(template, where) {
  if (!isObject(template) || !isText(template.id) || !isObject(template.locales)) return [where];
  return Object.entries(template.locales)
    .filter(([, texts]) => !isObject(texts) || typeof texts.subject !== "string" || typeof texts.body !== "string")
    .map(([locale]) => `${where}.locales.${locale}`);
}

function checkPage(page, where) {
  if (!isObject(page) || !KEBAB.test(page.id || "")) return [`${where}: id`];
  const problems = [];
  if (!Array.isArray(page.url_patterns) || page.url_patterns.some((p) => !isText(p))) problems.push(`${where}: url_patterns`);
  if (!isObject(page.selectors)) problems.push(`${where}: selectors`);
  else {
    for (const [name, list] of Object.entries(page.selectors)) {
      if (!Array.isArray(list) || list.length === 0 || !list.every(isText)) problems.push(`${where}: selectors.${name}`);
    }
  }
  if (page.labels !== undefined && !isObject(page.labels)) problems.push(`${where}: labels`);
  return problems;
}

/** A packed carrier calendar that compileCalendars can read (an old bundle has none). */
function checkCalendars(calendars) {
  if (calendars === undefined) return [];
  if (!isObject(calendars) || !isObject(calendars.marketplaces)) return ["carrier_calendars"];
  return Object.entries(calendars.marketplaces)
    .filter(([, m]) => !isObject(m) || !Array.isArray(m.holidays) || !Array.isArray(m.carriers)
      || !m.carriers.every((c) => isObject(c) && Array.isArray(c.closed_weekdays) && Array.isArray(c.holidays)))
    .map(([code]) => `carrier_calendars.marketplaces.${code}`);
}

/** A message date format the renderer can use: a pattern, and names where it has them (optional). */
function checkMessageDate(format, where) {
  if (format === undefined) return [];
  const names = (list, count) => list === undefined || (Array.isArray(list) && list.length === count && list.every(isText));
  return isObject(format) && isText(format.pattern) && names(format.months, 12) && names(format.weekdays, 7)
    && (format.first_day === undefined || isText(format.first_day)) ? [] : [where];
}

/** Problems that make a bundle unusable, as "path: field" strings; [] means usable. */
export function bundleProblems(bundle) {
  if (!isObject(bundle)) return ["bundle: not an object"];
  const problems = [];
  if (!isText(bundle.version)) problems.push("version");
  for (const key of ["marketplaces", "date_formats", "pages", "templates"]) {
    if (!Array.isArray(bundle[key]) || bundle[key].length === 0) problems.push(key);
  }
  const { rules } = bundle;
  if (!isObject(rules) || !(rules.due_soon_hours > 0) || !Array.isArray(rules.remedies) || !Array.isArray(rules.groups)) {
    problems.push("rules");
  }
  if (problems.length) return problems;
  for (const [i, m] of bundle.marketplaces.entries()) {
    if (!isObject(m) || !isText(m.id) || !isText(m.time_zone) || !Array.isArray(m.hosts)) problems.push(`marketplaces.${i}`);
  }
  bundle.date_formats.forEach((f, i) => problems.push(...checkMessageDate(f?.message_date, `date_formats.${i}.message_date`)));
  bundle.pages.forEach((page, i) => problems.push(...checkPage(page, `pages.${i}`)));
  bundle.templates.forEach((t, i) => problems.push(...checkTemplate(t, `templates.${i}`)));
  const templateIds = new Set(bundle.templates.map((t) => t && t.id));
  const groupIds = new Set(rules.groups.filter((g) => isObject(g) && hasEnglish(g.title)).map((g) => g.id));
  rules.remedies.forEach((r, i) => problems.push(...checkRemedy(r, templateIds, groupIds, `rules.remedies.${i}`)));
  if (bundle.disabled_features !== undefined && !Array.isArray(bundle.disabled_features)) problems.push("disabled_features");
  if (bundle.carriers !== undefined && !Array.isArray(bundle.carriers)) problems.push("carriers");
  problems.push(...checkCalendars(bundle.carrier_calendars));
  const transit = bundle.transit_times;
  if (transit !== undefined && !(Array.isArray(transit) && transit.every((t) => isObject(t) && Array.isArray(t.services)))) {
    problems.push("transit_times");
  }
  return problems;
}
