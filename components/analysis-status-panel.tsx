"use client";
// Live progress while an analysis is queued or running, and the failure panel when it failed.
import Link from "next/link";
import { useEffect, useState } from "react";
import type { AnalysisView } from "@/lib/results/types";
import { formatDuration } from "@/lib/ui/format";
import { CheckIcon, ErrorIcon, SpinnerIcon } from "./icons";

type StepState = "done" | "active" | "waiting";

function Step({ state, title, detail, last }: { state: StepState; title: string; detail?: string; last?: boolean }) {
  return (
    <li className="relative flex gap-3 pb-5 last:pb-0">
      {!last && (
        <span
          className={`absolute top-6 left-[11px] h-[calc(100%-1.5rem)] w-px ${state === "done" ? "bg-brand-300" : "bg-slate-200"}`}
          aria-hidden="true"
        />
      )}
      <span
        className={`relative z-10 flex h-6 w-6 shrink-0 items-center justify-center rounded-full ring-1 ${
          state === "done"
            ? "bg-brand-600 text-white ring-brand-600"
            : state === "active"
              ? "bg-white text-brand-600 ring-brand-300"
              : "bg-white text-slate-300 ring-slate-200"
        }`}
      >
        {state === "done" ? (
          <CheckIcon className="h-3.5 w-3.5" />
        ) : state === "active" ? (
          <SpinnerIcon className="h-3.5 w-3.5" />
        ) : (
          <span className="h-1.5 w-1.5 rounded-full bg-current" />
        )}
      </span>
      <div className="min-w-0 pt-0.5">
        <p className={`text-sm font-medium ${state === "waiting" ? "text-slate-400" : "text-slate-900"}`}>{title}</p>
        {detail && <p className="mt-0.5 text-xs text-slate-500">{detail}</p>}
      </div>
    </li>
  );
}

function useNow(intervalMs: number): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

export function AnalysisStatusPanel({ view, connection }: { view: AnalysisView; connection: "ok" | "retrying" }) {
  const now = useNow(1000);
  const running = view.status === "running";
  // A re-analysis waits from when it was asked for, not from the original upload.
  const since = running ? view.startedAt ?? view.queuedAt ?? view.createdAt : view.queuedAt ?? view.createdAt;
  const elapsed = now !== null ? Math.max(0, now - Date.parse(since)) : null;

  return (
    <section
      data-testid="analysis-status"
      data-status={view.status}
      aria-live="polite"
      className="card overflow-hidden"
    >
      <div className="relative h-1 overflow-hidden bg-brand-50" aria-hidden="true">
        <div className="animate-indeterminate absolute inset-y-0 left-0 w-2/5 rounded-full bg-brand-500" />
      </div>
      <div className="grid gap-8 p-6 md:grid-cols-[1fr_18rem] md:p-8">
        <div>
          <p className="eyebrow">{running ? "Analyzing" : "Queued"}</p>
          <h2 className="mt-1 text-xl font-semibold tracking-tight text-slate-900">
            {running ? "Reading the bundle and running checks…" : "Waiting for a worker…"}
          </h2>
          <p className="mt-2 max-w-prose text-sm leading-relaxed text-slate-600">
            {running
              ? "The log, configuration and status dumps are being parsed and every known signature is evaluated. Large bundles take a minute or two."
              : "Your bundle is stored and will be analyzed as soon as a worker is free. You can leave this page open; it updates by itself."}
          </p>
          <p className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-500">
            <span>
              {running ? "Running for" : "Waiting for"}{" "}
              <span className="font-medium text-slate-700 tabular-nums">{elapsed !== null ? formatDuration(elapsed) : "…"}</span>
            </span>
            {connection === "retrying" ? (
              <span className="inline-flex items-center gap-1.5 text-amber-700">
                <span className="h-1.5 w-1.5 rounded-full bg-amber-500" />
                Connection lost, retrying…
              </span>
            ) : (
              <span className="inline-flex items-center gap-1.5">
                <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-emerald-500" />
                Live
              </span>
            )}
          </p>
        </div>
        <ol className="border-slate-100 md:border-l md:pl-8" aria-label="Progress">
          <Step state="done" title="Uploaded" detail={view.bundle.fileName} />
          <Step state={running ? "done" : "active"} title="Queued" detail={running ? undefined : "Waiting for a free worker"} />
          <Step state={running ? "active" : "waiting"} title="Analyzing" detail={running ? "Parsing logs, evaluating signatures" : undefined} />
          <Step state="waiting" title="Results" last />
        </ol>
      </div>
    </section>
  );
}

export function AnalysisErrorPanel({ view }: { view: AnalysisView }) {
  const err = view.error;
  return (
    <section data-testid="analysis-error" role="alert" className="card overflow-hidden border-red-200">
      <div className="flex gap-4 bg-red-50/70 p-6 md:p-8">
        <ErrorIcon className="mt-0.5 h-6 w-6 shrink-0 text-red-600" />
        <div className="min-w-0">
          <h2 className="text-lg font-semibold text-red-900">The analysis failed</h2>
          <p className="mt-1.5 text-sm leading-relaxed break-words text-red-900/90">
            {err?.message ?? "The worker stopped without saying why."}
          </p>
          {err?.code && (
            <p className="mt-2 text-xs text-red-800/70">
              Error code <code className="rounded bg-red-100 px-1.5 py-0.5 font-mono text-red-900">{err.code}</code>
            </p>
          )}
        </div>
      </div>
      <div className="grid gap-6 p-6 md:grid-cols-[1fr_auto] md:items-end md:p-8">
        <div>
          <h3 className="text-sm font-semibold text-slate-900">What to do</h3>
          <ul className="mt-2 list-disc space-y-1.5 pl-5 text-sm text-slate-600 marker:text-slate-300">
            <li>
              Check that the file is the bundle Expressway produced: <span className="font-medium text-slate-800">Maintenance › Diagnostics › Diagnostic logging › Download log</span>, named{" "}
              <code className="font-mono text-xs">diagnostic_log_&lt;host&gt;_&lt;date&gt;.tar.gz</code>.
            </li>
            <li>If the download was interrupted, download the log again and re-upload it; a truncated .tar.gz cannot be read to the end.</li>
            <li>
              If it keeps failing, share this page’s link or the analysis ID <code className="font-mono text-xs text-slate-800">{view.id}</code> with the Analyzer maintainers.
            </li>
          </ul>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href="/" className="btn-primary">
            Upload again
          </Link>
          <Link href="/analyses" className="btn-secondary">
            History
          </Link>
        </div>
      </div>
    </section>
  );
}
