/**
 * One timer for every countdown on the page. Each tick recomputes the badges' words and
 * statuses and writes only those that changed; it sleeps until the next change is due.
 */
import { paintBadge } from "./badge.js";
import { t, uiLocale, words } from "./i18n.js";
import { badgeText, msUntilTextChanges } from "../../core/countdown.js";
import { isoUtc } from "../../core/deadline.js";
import { orderStatus } from "../../core/order.js";
import { formatShortDay, formatInstant } from "../../core/day-format.js";
import { loadMarks, markOf, onMarksChanged } from "./order-marks.js";
import { carrierNoteFor, CARRIER_HOLIDAY } from "./carrier-note.js";

const MAX_SLEEP_MS = 60 * 1000;

export class OverlayClock {
  #entries = new Map(); // host -> {order, view}
  #timer = null;
  #unsubscribe = null;
  #compiled;

  constructor(compiled) {
    this.#compiled = compiled;
  }

  track(host, order) {
    const entry = { order, fixed: fixedPartsOf(order), view: null };
    this.#entries.set(host, entry);
    this.#paint(host, entry, Date.now());
  }

  untrack(host) {
    this.#entries.delete(host);
  }

  entry(host) {
    return this.#entries.get(host);
  }

  forgetDetached() {
    for (const host of this.#entries.keys()) if (!host.isConnected) this.#entries.delete(host);
  }

  start() {
    this.#schedule(MAX_SLEEP_MS);
    // Snoozed and handled marks live in storage: repaint once they are known, and on change.
    this.#unsubscribe = onMarksChanged(() => this.#tick());
    loadMarks().then(() => this.#tick());
  }

  stop() {
    clearTimeout(this.#timer);
    this.#unsubscribe?.();
    this.#entries.clear();
  }

  #tick() {
    const now = Date.now();
    let sleep = MAX_SLEEP_MS;
    for (const [host, entry] of this.#entries) {
      this.#paint(host, entry, now);
      if (entry.order.deadline !== null && !entry.order.done) {
        sleep = Math.min(sleep, msUntilTextChanges(entry.order.deadline, now));
      }
    }
    this.#schedule(sleep);
  }

  #schedule(ms) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#tick(), ms);
  }

  #paint(host, entry, now) {
    entry.view = viewOf(entry, now, this.#compiled);
    paintBadge(host, entry.view);
  }
}

/** What does not change with the clock: computed once per order, not on every tick. */
function fixedPartsOf(order) {
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
  const countdown = badgeText({ status, deadline: order.deadline, shipByLabel: fixed.shipByLabel, reason: fixed.reason }, now, words);
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

function tooltipOf(order, reason) {
  if (order.deadline === null) return reason;
  const there = formatInstant(order.deadline, uiLocale(), order.marketplace.time_zone);
  const here = formatInstant(order.deadline, uiLocale(), undefined);
  return t("tooltipDeadline", [there, here]);
}
