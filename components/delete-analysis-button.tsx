"use client";
// Deletes an analysis after a confirmation in the page (no browser dialog): its stored bundle, results
// and share links go with it. The history page then confirms what was deleted (DeletedNotice).
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { apiFetch } from "@/lib/ui/api-fetch";
import { ErrorIcon, SpinnerIcon } from "./icons";
import { rememberDeleted } from "./deleted-notice";

export function DeleteAnalysisButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [stage, setStage] = useState<"idle" | "confirm" | "deleting">("idle");
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();

  useEffect(() => {
    if (stage === "confirm") confirmRef.current?.focus();
  }, [stage]);

  const remove = async () => {
    setStage("deleting");
    setError(null);
    try {
      await apiFetch(`/api/analyses/${encodeURIComponent(id)}`, { method: "DELETE" });
      rememberDeleted(name);
      router.push("/analyses");
      router.refresh();
    } catch (err) {
      setError((err as Error).message);
      setStage("confirm");
    }
  };

  if (stage === "idle") {
    return (
      <button type="button" className="btn-secondary text-red-700 hover:bg-red-50 hover:text-red-800" onClick={() => setStage("confirm")} data-testid="delete-analysis">
        Delete
      </button>
    );
  }
  return (
    <div
      role="alertdialog"
      aria-labelledby={headingId}
      data-testid="delete-confirm"
      className="basis-full rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900"
      onKeyDown={(e) => {
        if (e.key === "Escape" && stage === "confirm") setStage("idle");
      }}
    >
      <p id={headingId} className="font-medium [overflow-wrap:anywhere]">
        Delete the analysis of {name}?
      </p>
      <p className="mt-0.5 text-red-900/80">The stored bundle, its results and every share link are removed. This cannot be undone.</p>
      {error && (
        <p role="alert" className="mt-2 flex gap-2 text-red-800">
          <ErrorIcon className="mt-0.5 h-4 w-4 shrink-0" />
          <span className="min-w-0 break-words">{error}</span>
        </p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <button
          ref={confirmRef}
          type="button"
          className="btn bg-red-600 text-white shadow-sm hover:bg-red-700 active:bg-red-800"
          onClick={remove}
          disabled={stage === "deleting"}
          data-testid="delete-confirm-button"
        >
          {stage === "deleting" && <SpinnerIcon className="h-4 w-4" />}
          Delete permanently
        </button>
        <button type="button" className="btn-secondary" onClick={() => setStage("idle")} disabled={stage === "deleting"}>
          Keep it
        </button>
      </div>
    </div>
  );
}
