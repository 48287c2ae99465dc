// The reader's view choices on the overview, kept in localStorage and shared by every component that
// shows them (toggling wrap in one log excerpt wraps them all):
// - log line wrapping: "auto" until chosen (wrapped on narrow screens, by CSS, so the server's markup
//   is already right), then "wrap" or "nowrap";
// - the findings' layout: "cards" (each card open) or "list" (one line per finding).
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";

export type LogWrap = "auto" | "wrap" | "nowrap";
export type FindingsView = "cards" | "list";

type Prefs = { logWrap: LogWrap; findingsView: FindingsView };
const DEFAULTS: Prefs = { logWrap: "auto", findingsView: "cards" };
const KEYS: Record<keyof Prefs, string> = { logWrap: "ea.log-wrap", findingsView: "ea.findings-view" };
const ALLOWED: { [K in keyof Prefs]: readonly Prefs[K][] } = { logWrap: ["auto", "wrap", "nowrap"], findingsView: ["cards", "list"] };

const listeners = new Set<() => void>();
let cache: Prefs | null = null;

function read(): Prefs {
  if (cache) return cache;
  const prefs = { ...DEFAULTS };
  try {
    for (const key of Object.keys(KEYS) as (keyof Prefs)[]) {
      const v = localStorage.getItem(KEYS[key]);
      if (v && (ALLOWED[key] as readonly string[]).includes(v)) (prefs as Record<string, string>)[key] = v;
    }
  } catch {
    // storage unavailable (privacy mode): defaults, for this page view
  }
  cache = prefs;
  return prefs;
}

function write<K extends keyof Prefs>(key: K, value: Prefs[K]) {
  cache = { ...read(), [key]: value };
  try {
    localStorage.setItem(KEYS[key], value);
  } catch {
    // kept for this page view only
  }
  for (const l of listeners) l();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useViewPreference<K extends keyof Prefs>(key: K): [Prefs[K], (v: Prefs[K]) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => read()[key],
    () => DEFAULTS[key],
  );
  const set = useCallback((v: Prefs[K]) => write(key, v), [key]);
  return [value, set];
}

/** Below Tailwind's sm breakpoint, where "auto" wraps. False on the server and until mounted. */
export function useNarrowScreen(): boolean {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const mq = window.matchMedia("(max-width: 639.98px)");
    const update = () => setNarrow(mq.matches);
    update();
    mq.addEventListener("change", update);
    return () => mq.removeEventListener("change", update);
  }, []);
  return narrow;
}
