"use client";
// Re-runs the stored bundle with today's catalog (POST /api/analyses/:id/reanalyze); the overview
// then polls as for a new upload and shows what changed.
import { useState } from "react";

export function ReanalyzeButton({ id, onQueued }: { id: string; onQueued: () => void }) {
  const [state, setState] = useState<"idle" | "sending" | { error: string }>("idle");
  const click = async () => {
    setState("sending");
    try {
      const res = await fetch(`/api/analyses/${encodeURIComponent(id)}/reanalyze`, { method: "POST" });
      if (res.status === 202) {
        setState("idle");
        onQueued();
        return;
      }
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      setState({ error: body?.error?.message ?? `The server answered ${res.status}.` });
    } catch {
      setState({ error: "The server could not be reached." });
    }
  };
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button type="button" className="btn-secondary" onClick={click} disabled={state === "sending"} data-testid="reanalyze-button" title="Run this bundle again with today's signature catalog">
        <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.7" className="h-4 w-4" aria-hidden="true">
          <path d="M16 10a6 6 0 1 1-1.76-4.24M16 4v3.5h-3.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {state === "sending" ? "Queuing…" : "Re-analyze"}
      </button>
      {typeof state === "object" && (
        <span role="alert" className="max-w-64 text-xs text-red-700">
          {state.error}
        </span>
      )}
    </span>
  );
}
