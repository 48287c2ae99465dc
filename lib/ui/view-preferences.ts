// The reader's view choices on the overview, kept in localStorage and shared by every component that
// shows them (toggling wrap in one log excerpt wraps them all):
// - log line wrapping: "wrap" unless the reader chose "nowrap". Wrapped on every screen by default: even
//   at 1440 px a traffic_server line runs past the card, and its decisive part (Error=..., depth=0)
//   sits at the end of the line;
// - the findings' layout: "cards" (each card open) or "list" (one line per finding).
import { useCallback, useSyncExternalStore } from "react";

export type LogWrap = "wrap" | "nowrap";
export type FindingsView = "cards" | "list";

type Prefs = { logWrap: LogWrap; findingsView: FindingsView };
const DEFAULTS: Prefs = { logWrap: "wrap", findingsView: "cards" };
const KEYS: Record<keyof Prefs, string> = { logWrap: "ea.log-wrap", findingsView: "ea.findings-view" };
const ALLOWED: { [K in keyof Prefs]: readonly Prefs[K][] } = { logWrap: ["wrap", "nowrap"], findingsView: ["cards", "list"] };

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
