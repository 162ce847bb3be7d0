// Whether a media query matches now, re-rendering when it changes (phone or desktop layout).
import { useEffect, useState } from "../vendor.js";

export const PHONE = "(max-width: 640px)";

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
