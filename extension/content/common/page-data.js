/**
 * The orders app's JSON as the page received it, handed over by the page-world hook
 * (content/page-hook.js) on a private port. It wins over what the DOM shows; features
 * subscribe to hear which orders changed.
 */
import { ordersFromResponse } from "../../core/order-json.js";

export class PageData {
  #orders = new Map(); // order id -> JSON facts
  #listeners = new Set();
  #compiled = null;
  #waiting = []; // responses that arrived before the bundle did
  #handled = 0;

  /** Start reading the port; it queued what the hook handed over before Shipguard was ready. */
  listen(port) {
    port.onmessage = (event) => this.#receive(event.data);
  }

  useBundle(compiled) {
    this.#compiled = compiled;
    for (const response of this.#waiting.splice(0)) this.#receive(response);
  }

  get(orderId) {
    return this.#orders.get(orderId) || null;
  }

  /** listener(changedOrderIds: Set); returns unsubscribe. */
  subscribe(listener) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #receive(response) {
    if (!this.#compiled) {
      this.#waiting.push(response);
      return;
    }
    try {
      const { url, text } = response;
      if (typeof url !== "string" || typeof text !== "string") return;
      const adapter = this.#compiled.pageFor(url);
      if (!adapter?.json || this.#compiled.isDisabled(adapter.id)) return;
      const changed = new Set();
      for (const facts of ordersFromResponse(text, url, adapter.json)) {
        this.#orders.set(facts.orderId, facts);
        changed.add(facts.orderId);
      }
      if (changed.size) for (const listener of this.#listeners) listener(changed);
    } catch (error) {
      // A sign-in page, a new response shape: the DOM reading stays in charge.
      console.debug("Shipguard page data ignored:", error);
    } finally {
      // A sign that a response was read (or refused), for tests to wait on, as for routing.
      document.documentElement.dataset.shipguardPageData = String(++this.#handled);
    }
  }
}
