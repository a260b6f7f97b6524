/**
 * Badge texts fit the Manage Orders status column in every UI language: the longest badge
 * a language can produce (its longest ship-by day, each status, the longest durations)
 * stays within the language's budget in i18n/badge-lengths.json. CJK characters count as
 * two columns, as they are drawn twice as wide.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { badgeText } from "../../extension/core/countdown.js";
import { formatShortDay } from "../../extension/core/day-format.js";
import { ROOT, bcp47, localeFolders, wordsIn } from "./support/locales.js";

const BUDGET = JSON.parse(readFileSync(join(ROOT, "i18n", "badge-lengths.json"), "utf8"));
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const columns = (text) => [...text].reduce((sum, char) => sum + (WIDE.test(char) ? 2 : 1), 0);

const MINUTE = 60e3;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// The longest duration each wording can show: minutes, hours and minutes, days and hours, days.
const SPANS = [59 * MINUTE, 2 * HOUR + 59 * MINUTE, 23 * HOUR, DAY + 23 * HOUR, 9 * DAY, 99 * DAY];

/** The ship-by day that takes the most room in a locale, over a whole year of days. */
function longestDayLabel(locale) {
  let longest = "";
  for (let i = 0; i < 366; i++) {
    const date = new Date(Date.UTC(2028, 0, 1) + i * DAY);
    const label = formatShortDay({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }, locale);
    if (columns(label) > columns(longest)) longest = label;
  }
  return longest;
}

function longestBadge(folder) {
  const words = wordsIn(folder);
  const shipByLabel = longestDayLabel(bcp47(folder));
  const deadline = Date.UTC(2028, 5, 1);
  const texts = ["late", "due-soon", "on-track"].flatMap((status) => SPANS.map((span) =>
    badgeText({ status, deadline, shipByLabel }, status === "late" ? deadline + span : deadline - span, words)));
  texts.push(badgeText({ status: "unknown", deadline: null }, 0, words));
  return texts.reduce((a, b) => (columns(b) > columns(a) ? b : a));
}

test("every UI language has a badge budget", () => {
  assert.deepEqual(Object.keys(BUDGET.badge_columns).sort(), [...localeFolders].sort());
});

for (const folder of localeFolders) {
  test(`${folder}: the longest badge fits its budget`, () => {
    const text = longestBadge(folder);
    assert.ok(columns(text) <= BUDGET.badge_columns[folder],
      `"${text}" takes ${columns(text)} columns, over ${folder}'s ${BUDGET.badge_columns[folder]}: shorten the badge wording`);
  });

  test(`${folder}: snoozed and handled marks stay short`, () => {
    const words = wordsIn(folder);
    for (const mark of ["snoozed", "handled"]) {
      const text = words.t(`badgeMark_${mark}`);
      assert.ok(columns(text) <= BUDGET.mark_columns, `${folder} badgeMark_${mark} "${text}" is over ${BUDGET.mark_columns} columns`);
    }
  });
}

test("the measure is real: an old 51-character German badge would not fit", () => {
  assert.ok(columns("Versand bis Do., 10. Sept. · noch 1 Tg. 23 Std. zu spät") > BUDGET.badge_columns.de);
  assert.equal(columns("最晚发货"), 8);
});
