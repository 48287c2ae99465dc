"use client";
// Unexpected errors while rendering a page: say so plainly and offer a retry.
import Link from "next/link";
import { useEffect } from "react";
import { ErrorIcon } from "@/components/icons";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String((error as Error & { digest?: string }).digest ?? "") : "";
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center py-16 text-center" role="alert">
      <div className="flex h-12 w-12 items-center justify-center rounded-xl bg-red-50 text-red-600 ring-1 ring-red-100">
        <ErrorIcon className="h-6 w-6" />
      </div>
      <h1 className="mt-5 text-2xl font-semibold tracking-tight text-slate-900">Something went wrong</h1>
      <p className="mt-2 text-sm leading-relaxed text-slate-600">
        The page could not be shown. This is usually temporary (the server restarting or the database busy). Try again; if it persists, tell
        the Analyzer maintainers{digest ? " and quote the reference below" : ""}.
      </p>
      {digest && (
        <p className="mt-3 text-xs text-slate-500">
          Reference <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-700">{digest}</code>
        </p>
      )}
      <div className="mt-6 flex flex-wrap justify-center gap-2">
        <button type="button" className="btn-primary" onClick={() => retry()}>
          Try again
        </button>
        <Link href="/" className="btn-secondary">
          Back to upload
        </Link>
      </div>
    </div>
  );
}
