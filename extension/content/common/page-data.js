/**
 * The orders app's JSON as the page received it, handed over by the page-world hook
 * (content/page-hook.js). It wins over what the DOM shows; features subscribe to hear
 * which orders changed.
 */
import { ordersFromResponse } from "../../core/order-json.js";

const EVENT = "shipguard:page-data";
const READY = "shipguard:content-ready";

export class PageData {
  #orders = new Map(); // order id -> JSON facts
  #listeners = new Set();
  #compiled = null;
  #waiting = []; // responses that arrived before the bundle did

  /** Start listening; the hook then replays what arrived before Shipguard was ready. */
  listen() {
    document.addEventListener(EVENT, (event) => this.#receive(event.detail));
    document.dispatchEvent(new CustomEvent(READY));
  }

  useBundle(compiled) {
    this.#compiled = compiled;
    for (const detail of this.#waiting.splice(0)) this.#receive(detail);
  }

  get(orderId) {
    return this.#orders.get(orderId) || null;
  }

  /** listener(changedOrderIds: Set); returns unsubscribe. */
  subscribe(listener) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #receive(detail) {
    if (!this.#compiled) {
      this.#waiting.push(detail);
      return;
    }
    try {
      const { url, text } = JSON.parse(detail);
      const adapter = this.#compiled?.pageFor(url);
      if (!adapter?.json || this.#compiled.isDisabled(adapter.id)) return;
      const changed = new Set();
      for (const facts of ordersFromResponse(text, adapter.json)) {
        this.#orders.set(facts.orderId, facts);
        changed.add(facts.orderId);
      }
      if (changed.size) for (const listener of this.#listeners) listener(changed);
    } catch (error) {
      // A sign-in page, a new response shape: the DOM reading stays in charge.
      console.debug("Shipguard page data ignored:", error);
    }
  }
}
