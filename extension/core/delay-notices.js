/**
 * Which delay notice an order needs next. A delay message already given (copied or filled)
 * for the order makes the next one a second notice, which under the FTC rule must tell the
 * buyer that silence cancels the order; with no date known, the open-ended notice.
 */

/** The remedy log's entries of delay messages given for an order, oldest first. */
export function delayNoticesGiven(log, orderId, templates) {
  return log
    .filter((entry) => entry.orderId === orderId && templates.get(entry.template)?.delay_notice)
    .sort((a, b) => a.at - b.at);
}

/**
 * The notice to offer first among the `offered` ones (the templates' delay_notice values):
 * "open-ended" without a date, "second" after a given one, else null.
 */
export function noticeToOffer(given, dateKnown, offered) {
  const due = !dateKnown ? "open-ended" : given.length > 0 ? "second" : null;
  return offered.includes(due) ? due : null;
}

/** The remedies with the offered notice's first, the others in the rules' order. */
export function withNoticeFirst(remedies, templates, notice) {
  const offered = (remedy) => notice !== null && templates.get(remedy.template)?.delay_notice === notice;
  return [...remedies.filter(offered), ...remedies.filter((remedy) => !offered(remedy))];
}

/** The ship date the latest given notice promised, if it has not passed (YYYY-MM-DD sorts as days do). */
export function earlierShipDate(given, todayIso) {
  const promised = given.findLast((entry) => entry.newShipDate)?.newShipDate;
  return promised && promised >= todayIso ? promised : null;
}
