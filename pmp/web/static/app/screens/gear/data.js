// The inventory as the screen shows it: the items of one query (search, sort, category), page
// by page (X-Total-Count), and the categories the filter offers.
import { api, request } from "../../api.js";
import { useEffect, useRef, useState } from "../../vendor.js";

export const PAGE = 50;
const MAX_PAGE = 200;

function itemsPath({ q, sort, category }, offset, limit) {
  const params = new URLSearchParams({ sort, limit: String(limit), offset: String(offset) });
  if (q) params.set("q", q);
  if (category !== null) params.set("category", category);
  return `/api/items?${params}`;
}

export function useInventory(query) {
  const [items, setItems] = useState(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(true);
  const latest = useRef(0);
  const shown = useRef(0);
  shown.current = items ? items.length : 0;

  // Only the newest request may change the list (a slow answer to an older search must not).
  async function fetchPage(offset, limit, replace) {
    const ticket = ++latest.current;
    setBusy(true);
    try {
      const { data, total: count } = await request("GET", itemsPath(query, offset, limit));
      if (ticket !== latest.current) return;
      setItems((old) => (replace || !old ? data : [...old, ...data]));
      setTotal(count ?? data.length);
      setError(null);
    } catch (caught) {
      if (ticket === latest.current) setError(caught);
    } finally {
      if (ticket === latest.current) setBusy(false);
    }
  }

  useEffect(() => {
    fetchPage(0, PAGE, true);
  }, [query.q, query.sort, query.category]);

  return {
    items, total, error, busy,
    loadMore: () => fetchPage(shown.current, PAGE, false),
    // After a new item: the same number of rows again, so the new one appears where it sorts.
    reload: () => fetchPage(0, Math.min(MAX_PAGE, Math.max(PAGE, shown.current + 1)), true),
    replace: (item) => setItems((list) => list.map((i) => (i.id === item.id ? item : i))),
    remove: (id) => {
      setItems((list) => list.filter((i) => i.id !== id));
      setTotal((count) => count - 1);
    },
  };
}

export function useCategories() {
  const [categories, setCategories] = useState([]);
  const load = () => api.get("/api/items/categories").then(setCategories, () => {});
  useEffect(() => {
    load();
  }, []);
  return { categories, reload: load };
}

// What a new item needs to be the same again (for Undo): every field a person typed.
export function itemFields(item) {
  const { name, category, description, weight, weight_unit, price, currency, url, image_url } =
    item;
  return { name, category, description, weight, weight_unit, price, currency, url, image_url };
}

export function inPacks(count) {
  if (!count) return "in no pack";
  return count === 1 ? "in 1 pack" : `in ${count} packs`;
}
