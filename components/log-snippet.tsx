"use client";
// Evidence as a log excerpt: grouped by file, a line-number gutter (the full `file:line` is in the
// accessible text), a ×count badge for folded lines. Lines wrap (the default) or keep one line each and
// scroll sideways inside the snippet only; the choice is shared by every snippet and remembered.
// Log text is customer data: it is tokenized into React text nodes, never parsed as HTML.
import { useState } from "react";
import type { Evidence } from "@/lib/results/types";
import { withContext } from "@/lib/ui/evidence-rows";
import { useViewPreference, type LogWrap } from "@/lib/ui/view-preferences";
import { CopyIconButton } from "./copy-button";
import { useLogLineHref } from "./log-viewer/log-link";

const COLLAPSED_LINES = 12;

const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);

type Token = { text: string; cls?: string };

const PREFIX = /^(\d{4}-\d{2}-\d{2}T\S+)(\s+)(\S+)(\s+)([^\s:[]+(?:\[\d+\])?:?)/;
const HIGHLIGHT =
  /(\bERROR\b|\bCRITICAL\b|Action=Terminate|\bfailed\b|Error=[^=]*?(?=\s+\w+=|$)|\bWARNING\b|Level="(?:ERROR|WARN|WARNING|1)"|Detail="[^"]*"|\bdepth=\d+|\b(?:\d{1,3}\.){3}\d{1,3}\b)/g;

/** The line's prefix and telling parts as classed text tokens (the log viewer colours its lines the same way). */
export function tokenize(line: string): Token[] {
  const out: Token[] = [];
  let rest = line;
  const m = PREFIX.exec(line);
  if (m) {
    out.push({ text: m[1], cls: "text-slate-500" }, { text: m[2] }, { text: m[3], cls: "text-sky-300" }, { text: m[4] });
    out.push({ text: m[5], cls: "text-violet-300" });
    rest = line.slice(m[0].length);
  }
  let last = 0;
  for (const h of rest.matchAll(HIGHLIGHT)) {
    const i = h.index ?? 0;
    if (i > last) out.push({ text: rest.slice(last, i) });
    const t = h[0];
    const cls =
      /^(ERROR|CRITICAL|Action=Terminate|failed)$/.test(t) || t.startsWith("Error=") || /Level="(ERROR|1)"/.test(t)
        ? "text-rose-300"
        : /^WARNING$|Level="WARN/.test(t)
          ? "text-amber-300"
          : /^\d/.test(t)
            ? "text-emerald-300"
            : "text-amber-200";
    out.push({ text: t, cls });
    last = i + t.length;
  }
  if (last < rest.length) out.push({ text: rest.slice(last) });
  return out;
}

type Group = { file: string; lines: Evidence[] };

function groupByFile(evidence: Evidence[]): Group[] {
  const groups: Group[] = [];
  for (const e of evidence) {
    const last = groups[groups.length - 1];
    if (last && last.file === e.file) last.lines.push(e);
    else groups.push({ file: e.file, lines: [e] });
  }
  return groups;
}

const LINE_TEXT: Record<LogWrap, string> = { wrap: "whitespace-pre-wrap [overflow-wrap:anywhere]", nowrap: "whitespace-pre" };
/** The rows' box: as wide as the longest line when lines do not wrap, so the frame scrolls. */
const ROWS_BOX: Record<LogWrap, string> = { wrap: "w-full", nowrap: "w-max" };

function EvidenceRow({ e, gutterCh, hasCounts, countCh, wrap, card }: { e: Evidence; gutterCh: number; hasCounts: boolean; countCh: number; wrap: LogWrap; card?: string }) {
  const href = useLogLineHref();
  return (
                <div className="flex hover:bg-white/[0.03]" data-ref={`${e.file}:${e.line}`} data-log-line>
                  <span
                    className="sticky left-0 shrink-0 bg-slate-950 pr-3 pl-3 text-right text-slate-600 select-none"
                    style={{ width: `${gutterCh + 2}ch` }}
                    title={`${e.file}:${e.line}`}
                  >
                    <span className="sr-only">{e.file}:</span>
                    {href ? (
                      <a
                        href={href(e.file, e.line, card)}
                        className="text-sky-400 underline decoration-sky-400/30 underline-offset-2 hover:text-sky-300"
                        title={`Open ${e.file} at line ${e.line} in the log viewer`}
                        data-testid="evidence-line-link"
                      >
                        {e.line}
                      </a>
                    ) : (
                      e.line
                    )}
                  </span>
                  {hasCounts && (
                    <span className="flex shrink-0 items-start justify-start pt-0.5 select-none" style={{ width: `${countCh}ch` }}>
                      {(e.count ?? 1) > 1 && (
                        <span
                          className="rounded bg-amber-400/15 px-1 text-[10px] leading-4 font-semibold text-amber-300 ring-1 ring-amber-400/30 ring-inset"
                          title={`${e.count} identical lines (timestamps aside) folded into this one`}
                        >
                          ×{(e.count ?? 1).toLocaleString("en-US")}
                        </span>
                      )}
                    </span>
                  )}
                  <code className={`min-w-0 pr-4 text-slate-200 ${LINE_TEXT[wrap]}`}>
                    {tokenize(e.text).map((t, k) =>
                      t.cls ? (
                        <span key={k} className={t.cls}>
                          {t.text}
                        </span>
                      ) : (
                        <span key={k}>{t.text}</span>
                      ),
                    )}
                  </code>
                </div>
  );
}

/** `card`: the anchor of the card it belongs to, so the viewer can link back to it. */
export function LogSnippet({ evidence, card, printed = false }: { evidence: Evidence[]; card?: string; printed?: boolean }) {
  const [open, setExpanded] = useState(false);
  const expanded = printed || open;
  const [context, setContext] = useState(false);
  const [wrap, setWrap] = useViewPreference("logWrap");
  const isWrapped = wrap === "wrap";
  const hasContext = evidence.some((e) => (e.context?.before.length ?? 0) + (e.context?.after.length ?? 0) > 0);
  if (evidence.length === 0) return null;
  const shown = expanded ? evidence : evidence.slice(0, COLLAPSED_LINES);
  const groups = groupByFile(shown);
  const maxCount = Math.max(...evidence.map((e) => e.count ?? 1));
  const hasCounts = maxCount > 1;
  const countCh = `×${maxCount.toLocaleString("en-US")}`.length + 2;
  const gutterCh = Math.max(4, String(Math.max(...evidence.map((e) => e.line))).length + 1);
  const hidden = evidence.length - shown.length;

  return (
    <div className="overflow-hidden rounded-lg border border-slate-800 bg-slate-950 shadow-inner" data-testid="log-snippet" data-wrap={wrap}>
      {groups.map((g, gi) => (
        <figure key={gi} className={gi > 0 ? "border-t border-slate-800" : ""}>
          <figcaption className="flex items-center justify-between gap-2 border-b border-slate-800 bg-slate-900 px-3 py-1.5">
            <span className="min-w-0 truncate font-mono text-[11px] text-slate-400" title={g.file}>
              {g.file}
            </span>
            <span className="flex items-center gap-1 [&_button]:text-slate-500 [&_button:hover]:bg-slate-800 [&_button:hover]:text-slate-200">
              {hasContext && gi === 0 && (
                <button
                  type="button"
                  onClick={() => setContext((v) => !v)}
                  aria-pressed={context}
                  className="rounded px-1.5 py-0.5 text-[11px] font-medium whitespace-nowrap"
                  data-testid="toggle-context"
                >
                  {context ? "Hide context" : "Show context"}
                </button>
              )}
              {gi === 0 && (
                <button
                  type="button"
                  onClick={() => setWrap(isWrapped ? "nowrap" : "wrap")}
                  aria-pressed={isWrapped}
                  className="rounded px-1.5 py-0.5 text-[11px] font-medium whitespace-nowrap"
                  data-testid="toggle-wrap"
                  title={isWrapped ? "Show each line on one line, scrolling sideways" : "Wrap long lines to the width of the card"}
                >
                  Wrap lines
                </button>
              )}
              <CopyIconButton text={g.lines.map((l) => l.text).join("\n")} label="Copy log lines" />
            </span>
          </figcaption>
          <div className="scroll-thin overflow-x-auto" tabIndex={0} role="region" aria-label={`Log lines from ${baseName(g.file)}`}>
            <div className={`min-w-full py-1.5 font-mono text-[12px] leading-5 ${ROWS_BOX[wrap]}`}>
              {withContext(g.lines, context).map((row, i) =>
                row.kind === "context" ? (
                  <div key={`c${row.line}-${i}`} className="flex bg-white/[0.015]" data-context-line={row.line}>
                    <span className="sticky left-0 shrink-0 bg-slate-950 pr-3 pl-3 text-right text-slate-700 select-none" style={{ width: `${gutterCh + 2}ch` }}>
                      <span className="sr-only">{g.file}:</span>
                      {row.line}
                    </span>
                    {hasCounts && <span className="shrink-0" style={{ width: `${countCh}ch` }} />}
                    <code className={`min-w-0 pr-4 text-slate-500 ${LINE_TEXT[wrap]}`}>{row.text}</code>
                  </div>
                ) : (
                <EvidenceRow key={`${row.e.line}-${i}`} e={row.e} gutterCh={gutterCh} hasCounts={hasCounts} countCh={countCh} wrap={wrap} card={card} />
                ),
              )}
            </div>
          </div>
        </figure>
      ))}
      {evidence.length > COLLAPSED_LINES && (
        <button
          type="button"
          onClick={() => setExpanded((v) => !v)}
          className="w-full border-t border-slate-800 bg-slate-900 px-3 py-1.5 text-left text-xs font-medium text-slate-400 hover:bg-slate-800 hover:text-slate-200"
          aria-expanded={expanded}
        >
          {expanded ? "Show fewer lines" : `Show ${hidden} more line${hidden === 1 ? "" : "s"}`}
        </button>
      )}
    </div>
  );
}
