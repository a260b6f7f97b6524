/**
 * A bundle made ready for the hot path: regexes compiled, lookups indexed, once per
 * bundle version instead of once per row.
 */
import { compileDateFormat } from "./dates.js";
import { warmTimeZone } from "./zoned-time.js";
import { compileCarriers } from "./tracking.js";
import { compileLint } from "./lint.js";
import { compileCalendars } from "./carrier-calendar.js";
import { isSwitchedOff } from "./features.js";

const HOUR_MS = 3600 * 1000;

/**
 * `settings` are the seller's own choices, which win over the rules: a due-soon window,
 * features switched off, a message language.
 */
export function compileBundle(bundle, settings = {}) {
  const marketplaces = bundle.marketplaces;
  const dateFormatList = bundle.date_formats.map(compileDateFormat);
  for (const m of marketplaces) warmTimeZone(m.time_zone);
  // Every row names its sales channel: one lookup, the first marketplace listing it wins.
  const byChannel = new Map();
  for (const m of marketplaces) {
    for (const channel of m.sales_channels || []) {
      if (!byChannel.has(channel.toLowerCase())) byChannel.set(channel.toLowerCase(), m);
    }
  }
  const pages = bundle.pages.map((page) => ({
    ...page,
    urlPatterns: page.url_patterns.map((p) => new RegExp(p)),
    fbaPath: page.fba_path_pattern ? new RegExp(page.fba_path_pattern) : null,
  }));
  let lint = null;
  const dueSoonHours = settings.dueSoonHours > 0 ? settings.dueSoonHours : bundle.rules.due_soon_hours;
  return {
    version: bundle.version,
    dueSoonMs: dueSoonHours * HOUR_MS,
    preferredMessageLocale: settings.messageLocale || null,
    delayBusinessDays: bundle.rules.delay_business_days ?? 2,
    remedies: bundle.rules.remedies,
    groups: bundle.rules.groups,
    addressChecks: bundle.rules.address_checks || null,
    templates: new Map(bundle.templates.map((t) => [t.id, t])),
    carriers: compileCarriers(bundle.carriers || []),
    calendars: compileCalendars(bundle.carrier_calendars),
    transitTables: bundle.transit_times || [],
    // The seller's carriers and ship-from region, for collection days and transit estimates.
    shipping: { carriers: settings.carriers || [], region: settings.shipFromRegion || "" },
    // Hundreds of patterns that only a message needs: compiled when the first one is written.
    get lint() {
      lint ??= compileLint(bundle.lint || {});
      return lint;
    },
    dateFormatList,
    // As the data has them: buyer messages write days by their `message_date`.
    dateFormats: bundle.date_formats,
    marketplaces,
    isDisabled: (feature) => isSwitchedOff(feature, bundle.disabled_features, settings.disabledFeatures),
    /** The adapter whose URL patterns match a path, or null. */
    pageFor(path) {
      return pages.find((page) => page.urlPatterns.some((re) => re.test(path))) || null;
    },
    pageById(id) {
      return pages.find((page) => page.id === id) || null;
    },
    marketplaceForHost(host) {
      return marketplaces.find((m) => m.hosts.includes(host)) || null;
    },
    marketplaceById(id) {
      return (id && marketplaces.find((m) => m.id === id)) || null;
    },
    marketplaceForChannel(channel) {
      return byChannel.get((channel || "").trim().toLowerCase()) || null;
    },
  };
}
