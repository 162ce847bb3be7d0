// Numbers as a person reads them: weights in a unit with at most 2 decimals, prices, dates.

export const UNITS = ["g", "kg", "oz", "lb"];
const GRAMS_PER = { g: 1, kg: 1000, oz: 28.349523125, lb: 453.59237 };

export function fromGrams(grams, unit) {
  return grams / GRAMS_PER[unit];
}

// Making a formatter costs far more than using one: a long list formats hundreds of numbers.
const formatters = new Map();

// 1234.5 -> "1,234.5" (at most `places` decimals, trailing zeros dropped).
export function number(value, places = 2) {
  if (value === null || value === undefined || Number.isNaN(value)) return "";
  let formatter = formatters.get(places);
  if (!formatter) {
    formatter = new Intl.NumberFormat(undefined, { maximumFractionDigits: places });
    formatters.set(places, formatter);
  }
  return formatter.format(value);
}

export function weight(grams, unit) {
  return number(fromGrams(grams, unit), unit === "g" ? 0 : 2);
}

export function money(amount, currency) {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(amount);
  } catch {
    return `${number(amount)} ${currency}`;
  }
}

export function prices(byCurrency) {
  return Object.entries(byCurrency || {}).map(([c, v]) => money(v, c)).join(" + ");
}

export function dateTime(iso) {
  if (!iso) return "";
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export function date(iso) {
  if (!iso) return "";
  return new Date(iso).toLocaleDateString(undefined, { dateStyle: "medium" });
}

// A decimal typed by a person ("1,5" in some locales) as a number, or null when it is none.
export function parseNumber(text) {
  const cleaned = String(text).trim().replace(",", ".");
  if (cleaned === "") return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

// ISO 4217 codes most people use; any other valid code can be typed (the server checks it).
export const COMMON_CURRENCIES = ["EUR", "USD", "GBP", "CHF", "CAD", "AUD", "NZD", "JPY", "SEK",
  "NOK", "DKK", "PLN", "CZK"];

// "5 minutes ago", "yesterday": how long ago an instant was, in words.
export function ago(iso, now = Date.now()) {
  if (!iso) return "";
  const seconds = (new Date(iso).getTime() - now) / 1000;
  const words = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  for (const [unit, size] of [["day", 86400], ["hour", 3600], ["minute", 60]]) {
    if (Math.abs(seconds) >= size) return words.format(Math.round(seconds / size), unit);
  }
  return words.format(0, "second");
}
