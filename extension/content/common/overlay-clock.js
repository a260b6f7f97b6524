/**
 * One timer for every countdown on the page. Each tick recomputes the badges' words and
 * statuses and writes only those that changed; it sleeps until the next change is due.
 * A click on a badge opens its order's remedies.
 */
import { createBadge, onBadgeActivation, paintBadge } from "./badge.js";
import { togglePanel } from "./panel.js";
import { t, uiLocale, words } from "./i18n.js";
import { badgeText, msUntilTextChanges } from "../../core/countdown.js";
import { isoUtc } from "../../core/deadline.js";
import { orderStatus } from "../../core/order.js";
import { formatShortDay, formatInstant } from "../../core/day-format.js";
import { loadMarks, markOf, onMarksChanged } from "./order-marks.js";
import { carrierNoteFor, prepareCarrierNotes, CARRIER_HOLIDAY } from "./carrier-note.js";

const MAX_SLEEP_MS = 60 * 1000;

export class OverlayClock {
  #entries = new Map(); // host -> {order, fixed, view, freshUntil}
  #gone = new WeakMap(); // host -> its entry, since the page took the host away
  #timer = null;
  #unsubscribe = null;
  #stopActivation = null;
  #compiled;
  #opensRemedies;

  /** `opensRemedies`: a click on a badge that needs action opens its remedies panel. */
  constructor(compiled, { opensRemedies = true } = {}) {
    this.#compiled = compiled;
    this.#opensRemedies = opensRemedies;
    warmUp(compiled.marketplaceForHost(location.hostname)?.time_zone);
  }

  /**
   * Show `order` on `host`, or on a new host when `host` is null (painted at `now`: one
   * value for a whole scan); returns the host.
   */
  track(host, order, now = Date.now()) {
    const known = host && (this.#entries.get(host) ?? this.#gone.get(host));
    // The same order shown again before its words change (the page re-rendered, paged
    // back): the host already shows it.
    if (known?.order === order && now < known.freshUntil) {
      this.#entries.set(host, known);
      return host;
    }
    const entry = { order, fixed: fixedPartsOf(order), view: null, freshUntil: 0 };
    this.#look(entry, now);
    const shown = host ?? createBadge(entry.view);
    if (host) paintBadge(host, entry.view);
    this.#entries.set(shown, entry);
    return shown;
  }

  /**
   * Paint `order` as each status would show it on new hosts that are dropped (none is
   * tracked or placed): see rehearsal.js.
   */
  rehearse(order, now) {
    const HOUR_MS = 3600 * 1000;
    const variants = [{ deadline: now - 30 * HOUR_MS }, { deadline: now + 2 * HOUR_MS }, { deadline: now + 80 * HOUR_MS },
      { deadline: null, problem: "unreadable-ship-by" }, { done: true, doneReason: "shipped-or-cancelled" }];
    for (const variant of [{}, ...variants]) {
      const entry = { order: { ...order, ...variant }, fixed: null, view: null, freshUntil: 0 };
      entry.fixed = fixedPartsOf(entry.order);
      this.#look(entry, now);
      createBadge(entry.view);
      createBadge(entry.view); // a copy of the first, as most badges are
    }
  }

  /** How many hosts show an order. */
  get size() {
    return this.#entries.size;
  }

  untrack(host) {
    this.#entries.delete(host);
  }

  entry(host) {
    return this.#entries.get(host);
  }

  /** Stop tracking hosts the page removed; returns them with the orders they showed. */
  forgetDetached() {
    const gone = [];
    for (const [host, entry] of this.#entries) {
      if (host.isConnected) continue;
      this.#entries.delete(host);
      this.#gone.set(host, entry);
      gone.push([host, entry.order]);
    }
    return gone;
  }

  /** Open (or close) the remedies of the order behind a host, when it has any. */
  openRemedies(host) {
    const entry = this.#entries.get(host);
    if (entry && entry.view.status !== "done") togglePanel(host, entry.order, entry.view, this.#compiled);
  }

  start() {
    this.#schedule(MAX_SLEEP_MS);
    if (this.#opensRemedies) this.#stopActivation = onBadgeActivation((host) => this.openRemedies(host));
    // Snoozed and handled marks live in storage: repaint once they are known, and on change.
    this.#unsubscribe = onMarksChanged(() => this.#tick());
    loadMarks().then(() => this.#tick());
  }

  stop() {
    clearTimeout(this.#timer);
    this.#unsubscribe?.();
    this.#stopActivation?.();
    this.#entries.clear();
  }

  #tick() {
    const now = Date.now();
    let sleep = MAX_SLEEP_MS;
    this.#gone = new WeakMap(); // painted before this tick: a host shown again is painted anew
    for (const [host, entry] of this.#entries) {
      this.#paint(host, entry, now);
      sleep = Math.min(sleep, entry.freshUntil - now);
    }
    this.#schedule(sleep);
  }

  #schedule(ms) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#tick(), ms);
  }

  #paint(host, entry, now) {
    this.#look(entry, now);
    paintBadge(host, entry.view);
  }

  /** What `entry`'s badge shows at `now`, and until when. */
  #look(entry, now) {
    entry.view = viewOf(entry, now, this.#compiled);
    entry.freshUntil = now + msUntilRepaint(entry.order, now);
  }
}

/** How long what a badge shows for `order` stays true: until its words change, a minute at most. */
function msUntilRepaint(order, now) {
  if (order.deadline === null || order.done) return MAX_SLEEP_MS;
  return Math.min(MAX_SLEEP_MS, msUntilTextChanges(order.deadline, now));
}

/**
 * Pay the first-use costs of a badge's words now, before rows arrive: the browser loads
 * the message catalogue on the first lookup and builds a date formatter on its first use.
 */
function warmUp(timeZone) {
  t("badgeUnknown", [""]);
  formatShortDay({ year: 2000, month: 1, day: 1 }, uiLocale());
  for (const zone of [timeZone, undefined]) formatInstant(0, uiLocale(), zone);
  prepareCarrierNotes();
}

// Orders share deadlines (the end of the same ship-by day) and reasons: what does not
// change with the clock is computed once per distinct deadline and reason, not per order.
const fixedParts = new Map();
const FIXED_PARTS_LIMIT = 2000;

function fixedPartsOf(order) {
  const day = order.shipByDay;
  const key = `${order.deadline}|${day ? `${day.year}-${day.month}-${day.day}` : ""}|${order.doneReason}|${order.problem}|${order.marketplace?.time_zone}`;
  let parts = fixedParts.get(key);
  if (!parts) {
    if (fixedParts.size >= FIXED_PARTS_LIMIT) fixedParts.clear();
    parts = computeFixedParts(order);
    fixedParts.set(key, parts);
  }
  return parts;
}

/** What does not change with the clock: not recomputed on every tick. */
function computeFixedParts(order) {
  const reason = order.done ? t(`done_${order.doneReason.replaceAll("-", "_")}`)
    : order.problem ? t(`problem_${order.problem.replaceAll("-", "_")}`) : "";
  return {
    reason,
    shipByLabel: order.shipByDay ? formatShortDay(order.shipByDay, uiLocale()) : "",
    deadlineIso: order.deadline === null ? null : isoUtc(order.deadline),
    tooltip: tooltipOf(order, reason),
  };
}

/** What a badge shows for an order at `now`. */
function viewOf({ order, fixed }, now, compiled) {
  const status = orderStatus(order, now, compiled);
  const mark = status === "done" ? null : markOf(order.orderId, now)?.kind || null;
  const countdown = wordsAt(status, order.deadline, fixed, now);
  // Amazon's own at-risk flag: the order is close to being cancelled, which says more than the countdown.
  const atRisk = order.atRisk === true && status !== "done";
  const text = atRisk ? t("badgeAtRisk", [countdown]) : countdown;
  const carrierNote = carrierNoteFor(order, status, now, compiled);
  return {
    orderId: order.orderId,
    status,
    mark,
    deadlineIso: fixed.deadlineIso,
    // data-shipguard-notes: space-separated note ids, or none.
    notes: [atRisk && "at-risk-of-cancellation", carrierNote && CARRIER_HOLIDAY].filter(Boolean).join(" ") || null,
    carrierNote,
    text: mark ? t("badgeWithMark", [text, t(`badgeMark_${mark}`)]) : text,
    tooltip: carrierNote ? `${fixed.tooltip}\n${carrierNote.text}` : fixed.tooltip,
  };
}

// A tick or a scan paints many badges at one `now`; those sharing a deadline share words.
let wordsAtNow = null;
const wordsNow = new Map();

function wordsAt(status, deadline, fixed, now) {
  if (now !== wordsAtNow) {
    wordsAtNow = now;
    wordsNow.clear();
  }
  const key = `${status}|${deadline}|${fixed.shipByLabel}|${fixed.reason}`;
  let shown = wordsNow.get(key);
  if (shown === undefined) {
    shown = badgeText({ status, deadline, shipByLabel: fixed.shipByLabel, reason: fixed.reason }, now, words);
    wordsNow.set(key, shown);
  }
  return shown;
}

function tooltipOf(order, reason) {
  if (order.deadline === null) return reason;
  const there = formatInstant(order.deadline, uiLocale(), order.marketplace.time_zone);
  const here = formatInstant(order.deadline, uiLocale(), undefined);
  return t("tooltipDeadline", [there, here]);
}
