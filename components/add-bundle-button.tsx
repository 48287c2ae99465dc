"use client";
// "Add a bundle" on a case: picks one file and uploads it raw into the case (POST /api/analyses?case=),
// the same path a script uses. The case page then polls until the new analysis is done.
import { useRef, useState } from "react";
import { SpinnerIcon, UploadIcon } from "./icons";

function filenameHeader(name: string): string {
  return /^[\x20-\x7e]*$/.test(name) ? name : encodeURIComponent(name);
}

export function AddBundleButton({ caseId, onAdded }: { caseId: string; onAdded: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const send = async (file: File) => {
    setBusy(true);
    setMessage(null);
    try {
      const res = await fetch(`/api/analyses?case=${encodeURIComponent(caseId)}`, {
        method: "POST",
        body: file,
        headers: { "X-Filename": filenameHeader(file.name), "Content-Type": "application/octet-stream", accept: "application/json" },
        credentials: "same-origin",
      });
      const body = (await res.json().catch(() => null)) as { duplicate?: boolean; error?: { message?: string } } | null;
      if (!res.ok) throw new Error(body?.error?.message ?? `The server answered ${res.status}.`);
      if (body?.duplicate) setMessage(`${file.name} is already in this case.`);
      onAdded();
    } catch (err) {
      setMessage((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="inline-flex flex-col items-start gap-1">
      <input
        ref={input}
        type="file"
        className="sr-only"
        tabIndex={-1}
        aria-label="Choose a bundle to add to this case"
        data-testid="add-bundle-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = "";
          if (f) void send(f);
        }}
      />
      <button type="button" className="btn-secondary" onClick={() => input.current?.click()} disabled={busy} data-testid="add-bundle">
        {busy ? <SpinnerIcon className="h-4 w-4" /> : <UploadIcon className="h-4 w-4" />}
        {busy ? "Uploading…" : "Add a bundle"}
      </button>
      {message && (
        <span role="status" className="max-w-[16rem] text-xs text-slate-600" data-testid="add-bundle-message">
          {message}
        </span>
      )}
    </span>
  );
}
