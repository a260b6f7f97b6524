/**
 * The facts of one order as a page shows them, read through the page's adapter: a Manage
 * Orders row or a whole order details page. The only place that builds an order's facts
 * and the key that changes when any of them does.
 */
import { allMatches, firstMatch } from "./dom-read.js";
import { orderIdFromUrl } from "./place.js";
import { findOrderId } from "../../core/order-id.js";
import { isDoneStatus, labelsOf, prepareLabels } from "../../core/order.js";
import { localeOfLabel, localeOfTexts } from "../../core/ui-language.js";

// Facts written after a label ("Ship by date: Dec 5"), with the adapter cell each is read
// in when the adapter names one (Manage Orders rows); elsewhere the whole scope.
const LABELLED = { ship_by: "ship_by_cell", deliver_by: "ship_by_cell", fulfillment: "details_cell", sales_channel: "details_cell", sku: "product_cell" };
// Facts that are an element's text, where the adapter has a selector for them (order details).
const SELECTED = ["ship_by", "deliver_by", "fulfillment", "sales_channel", "shipping_service"];

// Text with no white space but single spaces is already on one line: tested, not copied.
const MESSY_SPACE = /[^\S ]| {2}/;
const oneLine = (text) => (MESSY_SPACE.test(text) ? text.replace(/\s+/g, " ") : text).trim();
// Labels are matched with typographic apostrophes made plain, as the adapters write them.
const squash = (text) => oneLine(text).replace(/[’‘]/g, "'");
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alternation = (labels) => [...labels].sort((a, b) => b.length - a.length).map(escape).join("|");
// A label as the page may write it: any run of white space between words, any apostrophe.
const asWritten = (label) => escape(label).replace(/ /g, "\\s+").replace(/'/g, "['’‘]");

/**
 * {facts, key, anchor} for the order in `scope` (a row, or the document on a page about
 * one order), or null when it shows no order id. facts: {orderId, shipByText, uiLocale,
 * deliverByText, statusText, statusClasses, fulfillmentText, salesChannel, sku, shippingService,
 * address}; anchor: where the adapter puts the badge in the scope, or null.
 */
export function readFacts(adapter, scope) {
  const reading = readingOf(adapter);
  reading.locate.begin(scope);
  return readScope(adapter, scope, reading);
}

function readScope(adapter, scope, reading) {
  const link = reading.locate(scope, adapter.selectors.order_id);
  const orderId = findOrderId(link?.textContent) || findOrderId(link?.getAttribute("href"))
    || (scope === document ? orderIdFromUrl(adapter) : null);
  if (!orderId) return null;
  const found = {};
  for (const [cellSelectors, kinds] of reading.cells) {
    const cell = cellSelectors && reading.locate(scope, cellSelectors);
    // A cell that shows the order id is its row's alone; others repeat (dates, products).
    if (cell && !cell.contains(link)) readRepeatingCell(cell, kinds, reading, found);
    else readLabels(cell || scope, kinds, reading, found);
  }
  for (const kind of reading.selected) {
    const element = firstMatch(scope, adapter.selectors[kind]);
    // No element is no text at all: the page did not show the fact (not an empty one).
    found[kind] ??= element ? oneLine(element.textContent) : null;
  }
  const status = scope === document ? itemStatus(adapter) : reading.locate(scope, adapter.selectors.status);
  const facts = {
    orderId,
    shipByText: found.ship_by ?? null,
    uiLocale: uiLocaleOf(adapter, scope, found),
    deliverByText: found.deliver_by ?? "",
    statusText: status ? status.textContent.trim() : "",
    statusClasses: status ? classesOf(status) : [],
    fulfillmentText: found.fulfillment ?? null,
    salesChannel: found.sales_channel ?? null,
    sku: found.sku ?? null,
    shippingService: found.shipping_service ?? null,
    address: reading.address ? addressLines(firstMatch(scope, adapter.selectors.shipping_address)) : [],
  };
  const key = [orderId, facts.shipByText, facts.uiLocale, facts.deliverByText, facts.statusText, facts.statusClasses.join(" "), facts.fulfillmentText,
    facts.salesChannel, facts.sku, facts.shippingService, ...facts.address].join("|");
  return { facts, key, anchor: reading.locate(scope, adapter.selectors.badge_anchor) };
}

// Rows remembered by their text: as many as the orders list keeps badges of.
const REMEMBERED_ROWS = 2000;

/**
 * readFacts for a table row, remembered by the row's text and status classes (all a row's
 * facts come from them): a page that shows the same orders again, in new row elements
 * (pagination back and forth, a re-sort) or the same ones (the app re-rendering), costs a
 * textContent and a lookup per row rather than a reading.
 */
export function readRowFacts(adapter, row) {
  const reading = readingOf(adapter);
  reading.locate.begin(row);
  const text = row.textContent;
  const classes = reading.locate(row, adapter.selectors.status)?.getAttribute("class") ?? "";
  const known = reading.rows.get(text);
  if (known?.classes === classes) return { facts: known.facts, key: known.key, anchor: reading.locate(row, adapter.selectors.badge_anchor) };
  const found = readScope(adapter, row, reading);
  // An order id read from a link's address alone is not in the text: such a row is read each time.
  if (!found || !text.includes(found.facts.orderId)) return found;
  if (reading.rows.size >= REMEMBERED_ROWS) reading.rows.delete(reading.rows.keys().next().value);
  // Not the anchor: it belongs to this row, which the page may drop.
  reading.rows.set(text, { classes, facts: found.facts, key: found.key });
  return found;
}

/**
 * The UI language the page is written in, which says how its dates are written: the
 * language of the ship-by label a row showed, or of the page's title on a page about one
 * order. The page's `lang` attribute is no evidence of it.
 */
function uiLocaleOf(adapter, scope, found) {
  if (found.ship_by_label) return localeOfLabel(adapter, found.ship_by_label);
  if (scope !== document || !adapter.selectors.ready) return null;
  const title = firstMatch(document, adapter.selectors.ready);
  return title ? localeOfTexts(adapter, "page_title", [oneLine(title.textContent)]) : null;
}

// An element's classes as classList has them, from one read of its class attribute; rows
// repeat a few status classes, each split once.
const classLists = new Map();
const CLASS_LISTS_REMEMBERED = 200;

function classesOf(element) {
  const written = element.getAttribute("class") ?? "";
  let classes = classLists.get(written);
  if (!classes) {
    classes = [...new Set(written.split(/[\t\n\f\r ]+/).filter(Boolean))];
    if (classLists.size >= CLASS_LISTS_REMEMBERED) classLists.clear();
    classLists.set(written, classes);
  }
  return classes;
}

/** An order page lists one status per item: the order is done only when no item is left to ship. */
function itemStatus(adapter) {
  const statuses = allMatches(document, adapter.selectors.status);
  return statuses.find((el) => !isDoneStatus(adapter, el.textContent.trim(), classesOf(el))) || statuses[0] || null;
}

/**
 * Prepare an adapter's reading before rows arrive: label matchers built, and run once on
 * plain and on wide text (the engine compiles a pattern for each kind on first use), and
 * the status and fulfillment labels normalised.
 */
export function prepareReading(adapter) {
  prepareLabels(adapter);
  const reading = readingOf(adapter);
  for (const pattern of [reading.label, reading.nextLabel]) for (const sample of SAMPLES) pattern?.exec(sample);
}

const SAMPLES = ["Ship by: 1", "発送期限: 1"]; // one byte a character, and two

// Per adapter (a bundle's compiled adapters are new objects, so per bundle too).
const readings = new WeakMap();

/** What reading needs from an adapter, prepared once: label matchers, cells, positions. */
function readingOf(adapter) {
  let reading = readings.get(adapter);
  if (reading) return reading;
  const { selectors } = adapter;
  const kindOf = new Map();
  const cells = new Map();
  for (const [kind, cellName] of Object.entries(LABELLED)) {
    if (selectors[kind]) continue; // the adapter points at the value itself
    const labels = labelsOf(adapter, kind).map(squash);
    if (labels.length === 0) continue;
    for (const label of labels) if (!kindOf.has(label)) kindOf.set(label, kind);
    const cell = selectors[cellName] || null;
    cells.set(cell, [...(cells.get(cell) || []), kind]);
  }
  // Every "…:" label of the adapter ends the value before it, whatever its kind.
  const lineLabels = Object.values(adapter.labels || {}).flatMap((set) => Object.values(set).flat())
    .map(squash).filter((label) => /[:：]$/.test(label));
  reading = {
    cells,
    kindOf,
    firstCodes: new Set([...kindOf.keys()].map((label) => label.charCodeAt(0))),
    // Matched on the text as it is: only a hit is worth tidying up.
    label: kindOf.size ? new RegExp(`^\\s*(?:${[...kindOf.keys()].sort((a, b) => b.length - a.length).map(asWritten).join("|")})`) : null,
    nextLabel: lineLabels.length ? new RegExp(alternation(new Set(lineLabels))) : null,
    selected: SELECTED.filter((kind) => selectors[kind]),
    address: Boolean(selectors.shipping_address),
    locate: positionMemo(),
    plans: new Map(), // a cell's kinds -> [where a cell read whole had their labels, …]
    cellTexts: new Map(), // a cell's kinds -> its text -> the values read in it
    values: new Map(), // a label -> its holder's text -> the value after it
    rows: new Map(), // a row's text -> {its status classes, what readFacts made of them}
  };
  readings.set(adapter, reading);
  return reading;
}

/**
 * firstMatch(scope, selectors), remembering where the match sat below the scope: rows of
 * one table share their layout, so the next row's element is looked for at the same
 * place first (a few child steps and one `matches`), and by querySelector only when it
 * is not there. Only the adapter's first selector is remembered: fallbacks stay exact.
 * `locate.begin(scope)` starts a reading of one scope, in which each element is looked up once.
 */
function positionMemo() {
  const paths = new Map(); // selectors -> steps from the scope down (see pathFrom)
  const resolved = new Map(); // selectors -> element, in the scope being read
  const children = new Map(); // a first step -> the scope's child there, in the scope being read
  let scope = null;
  // Paths of one row mostly begin in a few of its cells: each is reached once per row,
  // from the next cell toward the end it counts from when that one was reached before.
  const childAt = (step) => {
    let child = children.get(step);
    if (child !== undefined) return child;
    const neighbour = step < -1 ? children.get(step + 1) : step > 0 ? children.get(step - 1) : undefined;
    if (neighbour === undefined) child = followElements(scope, [step], 0);
    else child = step < 0 ? neighbour?.previousElementSibling ?? null : neighbour?.nextElementSibling ?? null;
    children.set(step, child);
    return child;
  };
  const locate = (within, selectors) => {
    if (!selectors?.length || within.nodeType !== Node.ELEMENT_NODE) return firstMatch(within, selectors);
    if (within !== scope) locate.begin(within);
    if (resolved.has(selectors)) return resolved.get(selectors);
    const path = paths.get(selectors);
    let found = path ? followElements(childAt(path[0]), path, 1) : null;
    if (!found || !safeMatches(found, selectors[0])) {
      found = firstMatch(within, selectors);
      if (found && safeMatches(found, selectors[0])) paths.set(selectors, pathFrom(within, found, true));
    }
    resolved.set(selectors, found);
    return found;
  };
  locate.begin = (within) => {
    scope = within;
    resolved.clear();
    children.clear();
  };
  return locate;
}

// Every node a content script touches costs it a wrapper of its own (its world is not the
// page's): a path takes as few steps as it can, counting from the nearer end of each level.
// A step >= 0 counts from the first child, a step < 0 from the last (-1 is the last).
// Two walks, elements and nodes, rather than one taking property names: they run for every
// row, and fixed property names keep their loads on V8's fast path.

/** The element reached from `node` by a path of element steps, from its step `from` on. */
function followElements(node, path, from) {
  for (let level = from; node && level < path.length; level += 1) {
    let step = path[level];
    if (step >= 0) {
      node = node.firstElementChild;
      for (; node && step > 0; step -= 1) node = node.nextElementSibling;
    } else {
      node = node.lastElementChild;
      for (; node && step < -1; step += 1) node = node.previousElementSibling;
    }
  }
  return node;
}

/** The node reached from `scope` by a path of node steps (text nodes count). */
function followNodes(scope, path) {
  let node = scope;
  for (let level = 0; node && level < path.length; level += 1) {
    let step = path[level];
    if (step >= 0) {
      node = node.firstChild;
      for (; node && step > 0; step -= 1) node = node.nextSibling;
    } else {
      node = node.lastChild;
      for (; node && step < -1; step += 1) node = node.previousSibling;
    }
  }
  return node;
}

function safeMatches(element, selector) {
  try {
    return element.matches(selector);
  } catch {
    return false; // a malformed selector in the data: firstMatch skips it too
  }
}

/** The steps from `scope` down to `node` (see followElements), each from the nearer end of its level. */
function pathFrom(scope, node, elementsOnly) {
  const path = [];
  for (let at = node; at && at !== scope; at = at.parentNode) {
    let before = 0;
    let after = 0;
    if (elementsOnly) {
      for (let sibling = at.previousElementSibling; sibling; sibling = sibling.previousElementSibling) before += 1;
      for (let sibling = at.nextElementSibling; sibling; sibling = sibling.nextElementSibling) after += 1;
    } else {
      for (let sibling = at.previousSibling; sibling; sibling = sibling.previousSibling) before += 1;
      for (let sibling = at.nextSibling; sibling; sibling = sibling.nextSibling) after += 1;
    }
    path.unshift(after < before ? -1 - after : before);
  }
  return path;
}

// Distinct texts remembered per kind of cell: a page's ship-by dates and products.
const REMEMBERED_CELLS = 500;

/**
 * readLabels for a cell whose text many rows share (the same ship-by and deliver-by dates,
 * the same product): each distinct text is read once.
 */
function readRepeatingCell(cell, kinds, reading, found) {
  let byText = reading.cellTexts.get(kinds);
  if (!byText) reading.cellTexts.set(kinds, (byText = new Map()));
  const text = cell.textContent;
  let values = byText.get(text);
  if (!values) {
    values = {};
    readLabels(cell, kinds, reading, values);
    if (byText.size >= REMEMBERED_CELLS) byText.clear();
    byText.set(text, values);
  }
  Object.assign(found, values);
}

// Rows of one table come in a few layouts (unshipped, shipped, Amazon-fulfilled…): the
// places of each are kept, the most recently useful first.
const PLANS_PER_CELL = 6;

/**
 * The labelled values of `cell`: read at the places a complete reading of a cell like it
 * found its labels (a few child steps and a string compare per label: rows of one table
 * share their layouts), else by one walk over the cell's text, which then teaches those places.
 */
function readLabels(cell, kinds, reading, found) {
  if (!reading.label) return;
  let plans = reading.plans.get(kinds);
  if (!plans) reading.plans.set(kinds, (plans = []));
  for (let i = 0; i < plans.length; i += 1) {
    if (!readByPlan(cell, plans[i], reading, found)) continue;
    if (i > 0) plans.unshift(...plans.splice(i, 1));
    return;
  }
  const plan = walkLabels(cell, kinds, reading, found);
  if (!plan) return;
  plans.unshift(plan);
  plans.length = Math.min(plans.length, PLANS_PER_CELL);
}

/** Follow `plan`; false (and nothing read) unless every label is where the plan says. */
function readByPlan(cell, plan, reading, found) {
  const texts = [];
  for (const step of plan) {
    const text = holderTextByPlan(cell, step);
    if (text === null) return false;
    texts.push(text);
  }
  plan.forEach((step, i) => {
    found[step.kind] = valueIn(texts[i], step.label, reading);
    if (step.kind === "ship_by") found.ship_by_label = step.label;
  });
  return true;
}

/**
 * The text of the element holding a plan step's label and its value, reached down the
 * step's path (no climbing back up from the label), or null unless the label is there
 * and that element is the one holderOf would find: everything under it on the way holds
 * the label alone, and it holds more.
 */
function holderTextByPlan(cell, step) {
  const holder = followNodes(cell, step.toHolder);
  if (!holder) return null;
  if (step.climb === 0) return holder.data === step.data ? oneLine(holder.data) : null;
  const below = followNodes(holder, step.toBelow);
  const node = step.climb === 1 ? below : followNodes(below, step.belowToLabel);
  if (node?.data !== step.data) return null;
  if (step.climb > 1 && oneLine(below.textContent).length > step.label.length) return null;
  const text = oneLine(holder.textContent);
  return text.length > step.label.length || holder === cell ? text : null;
}

/**
 * One walk over the text of `cell` that matches labels as it goes: the value after a
 * label ("Ship by date:") is the text of the smallest element around the label that also
 * holds a value, up to the next label. The first value of each kind wins. Returns the
 * places of the labels when every kind was found (a plan for the next cell), else null.
 */
function walkLabels(cell, kinds, reading, found) {
  let wanted = 0;
  for (const kind of kinds) if (found[kind] === undefined) wanted += 1;
  const plan = wanted === kinds.length ? [] : null; // a plan is of a cell read whole
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && wanted > 0; node = walker.nextNode()) {
    // Most text is no label: one character code tells, without copying the text.
    const data = node.data;
    let at = 0;
    while (at < data.length && data.charCodeAt(at) <= 32) at += 1;
    if (!reading.firstCodes.has(data.charCodeAt(at))) continue;
    const written = reading.label.exec(data)?.[0];
    const label = written && squash(written);
    const kind = label && reading.kindOf.get(label);
    if (!kind || found[kind] !== undefined || !kinds.includes(kind)) continue;
    const { climb, text } = holderOf(node, label, cell);
    found[kind] = valueIn(text, label, reading);
    if (kind === "ship_by") found.ship_by_label = label;
    if (plan) {
      const path = pathFrom(cell, node, false);
      const at = path.length - climb; // the holder's depth below the cell
      plan.push({ kind, label, data, climb, toHolder: path.slice(0, at), toBelow: path.slice(at, at + 1), belowToLabel: path.slice(at + 1) });
    }
    wanted -= 1;
  }
  return wanted === 0 ? plan : null;
}

/**
 * The smallest element around a label's text node with more than the label in it (the
 * node itself when it holds more): how many levels up it is, and its text on one line.
 */
function holderOf(node, label, cell) {
  let holder = node;
  let climb = 0;
  let text = oneLine(node.data); // as long as its squashed form: apostrophes keep their length
  while (holder !== cell && text.length <= label.length) {
    const only = holder.parentNode.firstChild === holder.parentNode.lastChild;
    holder = holder.parentNode;
    climb += 1;
    // A parent with nothing but the label in it has the same text: no need to copy it.
    if (!only) text = oneLine(holder.textContent);
  }
  return { climb, text };
}

// Values remembered per label by their holder's text ("Fulfillment method: Seller" is on
// most rows): each distinct text is cut once.
const REMEMBERED_VALUES = 500;

/** The value after `label` in its holder's text (on one line), up to the next label. */
function valueIn(holderText, label, reading) {
  let byText = reading.values.get(label);
  if (!byText) reading.values.set(label, (byText = new Map()));
  let value = byText.get(holderText);
  if (value === undefined) {
    const text = squash(holderText);
    const after = text.slice(text.indexOf(label) + label.length);
    const next = reading.nextLabel?.exec(after);
    value = (next ? after.slice(0, next.index) : after).trim();
    if (byText.size >= REMEMBERED_VALUES) byText.clear();
    byText.set(holderText, value);
  }
  return value;
}

/**
 * The address lines after the buyer's name, as the page shows them one per element;
 * "Address Type: …" style annotations are not part of the address.
 */
function addressLines(block) {
  if (!block) return [];
  const lines = [...block.children].map((line) => oneLine(line.textContent))
    .filter((line) => line && !/^[^:：]{2,30}[:：]\s/u.test(line));
  return lines.slice(1);
}
