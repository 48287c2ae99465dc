"use client";
// WARNING / ERROR lines no signature explained, as masked templates with counts and one sample line,
// so nothing in a log goes unseen. Log text is rendered as text only.
import { useState } from "react";
import type { UnexplainedWarningsDetail } from "@/lib/results/unexplained-warnings";
import { BundleTime } from "./local-time";

const SHOWN = 15;

export function UnexplainedWarningsPanel({ detail }: { detail: UnexplainedWarningsDetail }) {
  const [all, setAll] = useState(false);
  const list = all ? detail.templates : detail.templates.slice(0, SHOWN);
  return (
    <section className="card overflow-hidden" aria-labelledby="unexplained-title" data-testid="unexplained-warnings">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 border-b border-slate-100 px-5 py-4 sm:px-6">
        <h2 id="unexplained-title" className="text-base font-semibold text-slate-900">
          Unexplained warnings
        </h2>
        <p className="text-xs text-slate-500">
          {detail.unexplainedLines.toLocaleString("en-US")} of {detail.totalLines.toLocaleString("en-US")} WARNING / ERROR lines not explained by a signature ·{" "}
          {detail.templates.length}
          {detail.truncated ? "+" : ""} pattern{detail.templates.length === 1 ? "" : "s"}
        </p>
      </div>
      {detail.templates.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-600 sm:px-6">Every WARNING and ERROR line in the logs is explained by a signature above.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {list.map((t) => (
            <li key={t.template} className="px-5 py-3 sm:px-6" data-testid="warning-template">
              <div className="flex flex-wrap items-center gap-2">
                <span
                  className={`rounded px-1.5 py-0.5 text-[11px] font-semibold tracking-wide uppercase ring-1 ring-inset ${
                    t.level === "WARNING" ? "bg-amber-50 text-amber-800 ring-amber-200" : "bg-rose-50 text-rose-700 ring-rose-200"
                  }`}
                >
                  {t.level}
                </span>
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold text-slate-700 tabular-nums">×{t.count.toLocaleString("en-US")}</span>
                <span className="text-xs text-slate-500 tabular-nums">
                  <BundleTime iso={t.firstSeen} />
                  {t.lastSeen && t.lastSeen !== t.firstSeen && (
                    <>
                      {" → "}
                      <BundleTime iso={t.lastSeen} />
                    </>
                  )}
                </span>
              </div>
              <p className="mt-1.5 font-mono text-[12.5px] break-all text-slate-800">{t.template}</p>
              <details className="mt-1 text-xs text-slate-500">
                <summary className="cursor-pointer select-none hover:text-slate-800">
                  Sample line ({t.sample.file.slice(t.sample.file.lastIndexOf("/") + 1)}:{t.sample.line})
                </summary>
                <pre className="scroll-thin mt-1.5 overflow-x-auto rounded-md bg-slate-950 px-3 py-2 font-mono text-[12px] text-slate-200">{t.sample.text}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
      {detail.templates.length > SHOWN && (
        <button type="button" onClick={() => setAll((v) => !v)} className="w-full border-t border-slate-100 px-5 py-2 text-left text-xs font-medium text-slate-600 hover:bg-slate-50 sm:px-6" aria-expanded={all}>
          {all ? "Show fewer" : `Show all ${detail.templates.length} patterns`}
        </button>
      )}
    </section>
  );
}
