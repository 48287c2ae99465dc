"use client";
// Where an evidence line or MRA request row links: the log viewer at that line, under the page the
// overview was opened from (a member's /analyses/:id or a share link's /s/:token). Without a provider
// (a page that shows evidence out of an analysis) lines are not links.
import { createContext, useContext } from "react";

const LogLinkBase = createContext<string | null>(null);

export const LogLinkProvider = LogLinkBase.Provider;

/** `/analyses/<id>` or `/s/<token>`: the page base the viewer sits under. */
export function logViewerHref(base: string, file: string, line: number, card?: string): string {
  const q = new URLSearchParams({ line: String(line) });
  if (card) q.set("card", card);
  return `${base}/files/${encodeURIComponent(file)}?${q}`;
}

/** The viewer link for this line, or null where the page has no viewer. */
export function useLogLineHref(): ((file: string, line: number, card?: string) => string) | null {
  const base = useContext(LogLinkBase);
  return base === null ? null : (file, line, card) => logViewerHref(base, file, line, card);
}
