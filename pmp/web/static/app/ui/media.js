// Whether a media query matches now, re-rendering when it changes (phone or desktop layout).
import { useEffect, useState } from "../vendor.js";

// Too narrow for a table of several columns: phones, and small tablets held upright.
export const NARROW = "(max-width: 760px)";

export function useMedia(query) {
  const [matches, setMatches] = useState(() => matchMedia(query).matches);
  useEffect(() => {
    const list = matchMedia(query);
    const changed = () => setMatches(list.matches);
    changed();
    list.addEventListener("change", changed);
    return () => list.removeEventListener("change", changed);
  }, [query]);
  return matches;
}
