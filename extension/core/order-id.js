/** Amazon's order id (112-1234567-1234567): the one pattern every reader of a page uses. */

export const ORDER_ID_PATTERN = "\\d{3}-\\d{7}-\\d{7}";

const WITHIN = new RegExp(ORDER_ID_PATTERN);
const EXACTLY = new RegExp(`^${ORDER_ID_PATTERN}$`);

/** The first order id in a text (a link's text, a URL), or null. */
export const findOrderId = (text) => (text ? WITHIN.exec(text)?.[0] ?? null : null);

/** Whether a value is an order id and nothing else. */
export const isOrderId = (value) => typeof value === "string" && EXACTLY.test(value);
