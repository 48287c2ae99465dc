"use client";
// The confirmation after a delete: the overview remembers what it deleted for this tab only
// (sessionStorage, never the URL: a file name can name a customer), and the history says so once.
import { useEffect, useState } from "react";
import { CheckCircleIcon } from "./icons";

const KEY = "ea.deleted";

export function rememberDeleted(name: string) {
  try {
    sessionStorage.setItem(KEY, name);
  } catch {
    // storage unavailable: the list itself shows the analysis is gone
  }
}

export function DeletedNotice() {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    try {
      const n = sessionStorage.getItem(KEY);
      if (n) {
        sessionStorage.removeItem(KEY);
        setName(n);
      }
    } catch {
      // nothing to say
    }
  }, []);
  if (!name) return null;
  return (
    <p role="status" data-testid="deleted-notice" className="flex items-start gap-2 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-2.5 text-sm text-emerald-900">
      <CheckCircleIcon className="mt-0.5 h-4 w-4 shrink-0 text-emerald-600" />
      <span className="min-w-0 [overflow-wrap:anywhere]">
        Deleted the analysis of <span className="font-medium">{name}</span>, with its stored bundle and share links.
      </span>
    </p>
  );
}
