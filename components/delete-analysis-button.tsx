"use client";
// Deletes an analysis after a confirmation: its stored bundle, results and share links go with it.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/ui/api-fetch";
import { SpinnerIcon } from "./icons";

export function DeleteAnalysisButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    if (!window.confirm(`Delete the analysis of ${name}? The stored bundle, its results and every share link are removed. This cannot be undone.`)) return;
    setBusy(true);
    try {
      await apiFetch(`/api/analyses/${encodeURIComponent(id)}`, { method: "DELETE" });
      router.push("/analyses");
      router.refresh();
    } catch (err) {
      window.alert((err as Error).message);
      setBusy(false);
    }
  };
  return (
    <button type="button" className="btn-secondary text-red-700 hover:bg-red-50 hover:text-red-800" onClick={remove} disabled={busy} data-testid="delete-analysis">
      {busy && <SpinnerIcon className="h-4 w-4" />}
      Delete
    </button>
  );
}
