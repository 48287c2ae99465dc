"use client";
// The log viewer: one file of a bundle, any line of it, without loading the file. Lines come in pages
// from …/files/:name/lines; only the rows in view are in the DOM. A file of millions of lines is taller
// than a browser lets an element be, so past MAX_SCROLL_PX the scroll position maps to lines
// proportionally (a pixel is then more than a line). Search and filters run on the server
// (…/files/:name/search). Log text is customer data: rendered as React text, never as HTML.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { tokenize } from "../log-snippet";

const ROW_PX = 20;
const PAGE = 200;
const MAX_PAGES = 40;
const OVERSCAN = 20;
const MAX_SCROLL_PX = 4_000_000;

import type { EvidenceMark } from "@/lib/ui/evidence-marks";

type Line = { n: number; text: string; truncated?: true; bytes?: number };
type Page = { lines: Line[] };
type Problem = { code: string; message: string };
type Filters = { level: string; process: string; module: string };

const LEVELS = [
  ["", "Any level"],
  ["error", "Errors"],
  ["warn", "Warnings and errors"],
  ["info", "Info and above"],
  ["debug", "Debug and above"],
] as const;

async function problemOf(res: Response): Promise<Problem> {
  try {
    const body = (await res.json()) as { error?: Problem };
    if (body.error) return body.error;
  } catch {
    // not JSON
  }
  return { code: `http_${res.status}`, message: `The server answered ${res.status}.` };
}

/** Reads an NDJSON search answer: matches, then the summary or an error. */
async function runSearch(url: string, signal: AbortSignal): Promise<{ matches: Line[]; done?: { reason: string; scannedFrom: number; scannedTo: number }; error?: Problem }> {
  const res = await fetch(url, { signal, cache: "no-store" });
  if (!res.ok) return { matches: [], error: await problemOf(res) };
  const text = await res.text();
  const out: { matches: Line[]; done?: { reason: string; scannedFrom: number; scannedTo: number }; error?: Problem } = { matches: [] };
  for (const raw of text.split("\n")) {
    if (!raw) continue;
    const rec = JSON.parse(raw);
    if (rec.done) out.done = rec;
    else if (rec.error) out.error = rec.error;
    else out.matches.push(rec);
  }
  return out;
}

function LineText({ text }: { text: string }) {
  return (
    <>
      {tokenize(text).map((t, k) =>
        t.cls ? (
          <span key={k} className={t.cls}>
            {t.text}
          </span>
        ) : (
          <span key={k}>{t.text}</span>
        ),
      )}
    </>
  );
}

export function LogViewer({
  apiBase,
  pageBase,
  file,
  initialLine,
  evidence,
  backCard,
}: {
  /** `/api/analyses/<id>` or `/api/shared/<token>` */
  apiBase: string;
  /** `/analyses/<id>` or `/s/<token>`: the overview, and the base of line links */
  pageBase: string;
  file: string;
  initialLine: number;
  evidence: EvidenceMark[];
  /** the card the reader came from (?card=), for the way back */
  backCard: string | null;
}) {
  const filesUrl = `${apiBase}/files/${encodeURIComponent(file)}`;
  const [total, setTotal] = useState<number | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [current, setCurrent] = useState(Math.max(1, initialLine));
  const [pages, setPages] = useState<Map<number, Page>>(new Map());
  const [viewport, setViewport] = useState({ top: 0, height: 600 });
  const [maxChars, setMaxChars] = useState(120);
  const scroller = useRef<HTMLDivElement>(null);
  const loading = useRef(new Set<number>());
  const [query, setQuery] = useState("");
  const [regex, setRegex] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const [filters, setFilters] = useState<Filters>({ level: "", process: "", module: "" });
  const [filtered, setFiltered] = useState<{ lines: Line[]; next: number | null; busy: boolean; note: string | null } | null>(null);
  const searchAbort = useRef<AbortController | null>(null);

  const evidenceByLine = useMemo(() => new Map(evidence.map((e) => [e.line, e])), [evidence]);
  const filterActive = filters.level !== "" || filters.process.trim() !== "" || filters.module.trim() !== "";

  // Scroll geometry: exact until the file is taller than MAX_SCROLL_PX, proportional beyond.
  const fullPx = (total ?? 0) * ROW_PX;
  const spacerPx = Math.min(fullPx, MAX_SCROLL_PX);
  const range = Math.max(1, spacerPx - viewport.height);
  const scale = fullPx > MAX_SCROLL_PX ? (fullPx - viewport.height) / range : 1;
  const offsetOf = (top: number) => top * scale; // content px at the top of the view
  const scrollTopFor = (line: number) => Math.max(0, Math.min(range, ((line - 1) * ROW_PX - viewport.height / 3) / scale));

  const loadPage = useCallback(
    async (p: number) => {
      if (loading.current.has(p)) return;
      loading.current.add(p);
      try {
        const res = await fetch(`${filesUrl}/lines?from=${p * PAGE + 1}&count=${PAGE}`, { cache: "no-store" });
        if (!res.ok) {
          setProblem(await problemOf(res));
          return;
        }
        const body = (await res.json()) as { total: number; from: number; lines: Line[] };
        setTotal(body.total);
        setMaxChars((m) => Math.min(4000, Math.max(m, ...body.lines.map((l) => l.text.length))));
        setPages((old) => {
          const next = new Map(old);
          next.set(p, { lines: body.lines });
          // keep memory bounded: drop the pages farthest from this one
          while (next.size > MAX_PAGES) {
            let far = p;
            for (const k of next.keys()) if (Math.abs(k - p) > Math.abs(far - p)) far = k;
            next.delete(far);
          }
          return next;
        });
      } catch {
        setProblem({ code: "network", message: "The lines could not be loaded. Check the connection and reload." });
      } finally {
        loading.current.delete(p);
      }
    },
    [filesUrl],
  );

  // First load: the page around the asked line tells the total.
  useEffect(() => {
    void loadPage(Math.floor((Math.max(1, initialLine) - 1) / PAGE));
  }, [initialLine, loadPage]);

  // Once the total is known, put the asked line in view (a line past the end: the last one).
  const placed = useRef(false);
  useEffect(() => {
    if (total === null || placed.current || !scroller.current) return;
    placed.current = true;
    const line = Math.min(Math.max(1, initialLine), Math.max(1, total));
    setCurrent(line);
    scroller.current.scrollTop = scrollTopFor(line);
    setViewport({ top: scroller.current.scrollTop, height: scroller.current.clientHeight });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [total]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onResize = () => setViewport({ top: el.scrollTop, height: el.clientHeight });
    onResize();
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, [filterActive]);

  const firstVisible = Math.floor(offsetOf(viewport.top) / ROW_PX) + 1;
  const lastVisible = Math.min(total ?? 0, firstVisible + Math.ceil(viewport.height / ROW_PX));
  const from = Math.max(1, firstVisible - OVERSCAN);
  const to = Math.min(total ?? 0, lastVisible + OVERSCAN);

  // Fetch the pages the rows in view need.
  useEffect(() => {
    if (total === null || filterActive) return;
    for (let p = Math.floor((from - 1) / PAGE); p <= Math.floor((to - 1) / PAGE); p++) if (!pages.has(p)) void loadPage(p);
  }, [from, to, total, pages, loadPage, filterActive]);

  const lineAt = (n: number): Line | undefined => pages.get(Math.floor((n - 1) / PAGE))?.lines[(n - 1) % PAGE];

  const goTo = useCallback(
    (line: number) => {
      setCurrent(line);
      const url = new URL(window.location.href);
      url.searchParams.set("line", String(line));
      window.history.replaceState(window.history.state, "", url);
      const el = scroller.current;
      if (!el) return;
      const rowTop = (line - 1) * ROW_PX - offsetOf(el.scrollTop);
      if (rowTop < ROW_PX || rowTop > el.clientHeight - 2 * ROW_PX) el.scrollTop = scrollTopFor(line);
      setViewport({ top: el.scrollTop, height: el.clientHeight });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [scale, range, viewport.height],
  );

  const filterParams = () => {
    const q = new URLSearchParams();
    if (filters.level) q.set("level", filters.level);
    if (filters.process.trim()) q.set("process", filters.process.trim());
    if (filters.module.trim()) q.set("module", filters.module.trim());
    return q;
  };

  const search = async (dir: "next" | "prev") => {
    if (!query && !filterActive) {
      setStatus("Type something to search for.");
      return;
    }
    searchAbort.current?.abort();
    const abort = new AbortController();
    searchAbort.current = abort;
    const q = filterParams();
    if (query) q.set("q", query);
    if (regex) q.set("regex", "1");
    q.set("dir", dir);
    q.set("limit", "1");
    q.set("from", String(dir === "next" ? current + 1 : current));
    setSearching(true);
    setStatus(null);
    try {
      const r = await runSearch(`${filesUrl}/search?${q}`, abort.signal);
      if (r.error) setStatus(r.error.message);
      else if (r.matches.length > 0) {
        goTo(r.matches[0].n);
        setStatus(`Line ${r.matches[0].n.toLocaleString("en-US")}`);
      } else if (r.done?.reason === "time") {
        setStatus(`No match in lines ${r.done.scannedFrom.toLocaleString("en-US")}–${r.done.scannedTo.toLocaleString("en-US")} (searched for 10 s); search again to go on.`);
        if (dir === "next") setCurrent(r.done.scannedTo);
        else setCurrent(Math.max(1, r.done.scannedFrom));
      } else setStatus(dir === "next" ? `No match after line ${current.toLocaleString("en-US")}.` : `No match before line ${current.toLocaleString("en-US")}.`);
    } catch (err) {
      if ((err as Error).name !== "AbortError") setStatus("The search failed. Try again.");
    } finally {
      setSearching(false);
    }
  };

  // Filtered view: only the lines the filters keep, a page at a time.
  const loadFiltered = useCallback(
    async (start: number, append: boolean) => {
      searchAbort.current?.abort();
      const abort = new AbortController();
      searchAbort.current = abort;
      const q = filterParams();
      q.set("from", String(start));
      q.set("limit", "200");
      setFiltered((f) => ({ lines: append && f ? f.lines : [], next: null, busy: true, note: null }));
      try {
        const r = await runSearch(`${filesUrl}/search?${q}`, abort.signal);
        setFiltered((f) => ({
          lines: [...(append && f ? f.lines : []), ...r.matches],
          next: r.done && r.done.reason !== "end" ? r.done.scannedTo + 1 : r.matches.length && r.done?.reason === "limit" ? r.matches[r.matches.length - 1].n + 1 : null,
          busy: false,
          note: r.error ? r.error.message : r.done?.reason === "time" ? `Searched lines ${r.done.scannedFrom.toLocaleString("en-US")}–${r.done.scannedTo.toLocaleString("en-US")}.` : null,
        }));
      } catch (err) {
        if ((err as Error).name !== "AbortError") setFiltered((f) => ({ lines: f?.lines ?? [], next: null, busy: false, note: "The lines could not be loaded." }));
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [filesUrl, filters],
  );

  useEffect(() => {
    if (!filterActive) {
      setFiltered(null);
      return;
    }
    const t = setTimeout(() => void loadFiltered(1, false), 300);
    return () => clearTimeout(t);
  }, [filterActive, loadFiltered]);

  const leaveFilter = (line: number) => {
    setFilters({ level: "", process: "", module: "" });
    placed.current = true;
    setTimeout(() => goTo(line), 0);
  };

  const gutterCh = Math.max(5, String(total ?? 0).length + 1);
  const rows: React.ReactNode[] = [];
  if (total !== null && !filterActive) {
    for (let n = from; n <= to; n++) {
      const line = lineAt(n);
      const mark = evidenceByLine.get(n);
      const y = (n - 1) * ROW_PX - offsetOf(viewport.top) + viewport.top;
      rows.push(
        <div
          key={n}
          data-line={n}
          data-testid={n === current ? "current-line" : undefined}
          data-evidence={mark ? "yes" : undefined}
          className={`absolute left-0 flex min-w-full whitespace-pre ${n === current ? "bg-sky-500/20" : mark ? "bg-amber-400/10" : "hover:bg-white/[0.04]"}`}
          style={{ top: y, height: ROW_PX }}
        >
          <a
            href={`?line=${n}`}
            onClick={(e) => {
              e.preventDefault();
              goTo(n);
            }}
            className={`sticky left-0 shrink-0 bg-slate-950 pr-3 pl-3 text-right select-none ${mark ? "text-amber-300" : "text-slate-600 hover:text-slate-300"}`}
            style={{ width: `${gutterCh + 2}ch` }}
            aria-label={`Line ${n}`}
          >
            {n}
          </a>
          {mark && (
            <span className="flex shrink-0 items-center gap-1 pr-2">
              {mark.cards.map((c) => (
                <a
                  key={c.anchor}
                  href={`${pageBase}#${c.anchor}`}
                  title={`Evidence for: ${c.title}`}
                  className="max-w-[16rem] truncate rounded bg-amber-400/15 px-1 font-sans text-[10px] leading-4 font-semibold text-amber-300 ring-1 ring-amber-400/30 ring-inset hover:bg-amber-400/25"
                  data-testid="evidence-card-link"
                >
                  {c.title}
                </a>
              ))}
            </span>
          )}
          <code className="pr-4 text-slate-200">
            {line ? (
              <>
                <LineText text={line.text} />
                {line.truncated && <span className="ml-2 text-slate-500 italic">… cut here: the line has {line.bytes?.toLocaleString("en-US")} bytes</span>}
              </>
            ) : (
              <span className="text-slate-700">…</span>
            )}
          </code>
        </div>,
      );
    }
  }

  const here = evidence.filter((e) => e.cards.length > 0);

  return (
    <div className="space-y-3" data-testid="log-viewer">
      <div className="flex flex-wrap items-center gap-2">
        <form
          className="flex min-w-0 flex-1 flex-wrap items-center gap-2"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            void search("next");
          }}
        >
          <label className="sr-only" htmlFor="log-search">
            Search this file
          </label>
          <input
            id="log-search"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={regex ? "Regular expression, e.g. Level=\"(WARN|ERROR)\"" : "Search, e.g. WARN or a call id"}
            className="input min-w-0 flex-1 basis-56 font-mono text-sm"
            data-testid="log-search"
          />
          <label className="flex items-center gap-1.5 text-sm text-slate-600">
            <input type="checkbox" checked={regex} onChange={(e) => setRegex(e.target.checked)} data-testid="log-search-regex" />
            Regex
          </label>
          <button type="button" className="btn-secondary" onClick={() => void search("prev")} disabled={searching} data-testid="search-prev">
            Previous
          </button>
          <button type="submit" className="btn-primary" disabled={searching} data-testid="search-next">
            Next
          </button>
        </form>
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label className="sr-only" htmlFor="log-level">
          Level
        </label>
        <select id="log-level" className="input w-auto" value={filters.level} onChange={(e) => setFilters((f) => ({ ...f, level: e.target.value }))} data-testid="filter-level">
          {LEVELS.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
        <label className="sr-only" htmlFor="log-process">
          Process
        </label>
        <input
          id="log-process"
          list="log-processes"
          className="input w-40 font-mono text-sm"
          placeholder="process"
          value={filters.process}
          onChange={(e) => setFilters((f) => ({ ...f, process: e.target.value }))}
          data-testid="filter-process"
        />
        <datalist id="log-processes">
          {["tvcs", "traffic_server", "edgeconfigprovisioning", "xcp-router", "kernel", "httpd"].map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
        <label className="sr-only" htmlFor="log-module">
          Module
        </label>
        <input
          id="log-module"
          list="log-modules"
          className="input w-52 font-mono text-sm"
          placeholder="module, e.g. network.sip"
          value={filters.module}
          onChange={(e) => setFilters((f) => ({ ...f, module: e.target.value }))}
          data-testid="filter-module"
        />
        <datalist id="log-modules">
          {["network.sip", "network.http.trafficserver", "network.tcp", "network.tls", "network.ldap", "developer.xcp"].map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
        {filterActive && (
          <button type="button" className="btn-secondary" onClick={() => setFilters({ level: "", process: "", module: "" })}>
            Clear filters
          </button>
        )}
        <span className="ml-auto text-xs text-slate-500 tabular-nums" aria-live="polite" data-testid="viewer-status">
          {status ?? (total !== null ? `Line ${current.toLocaleString("en-US")} of ${total.toLocaleString("en-US")}` : "")}
        </span>
      </div>

      {problem ? (
        <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-800" data-testid="viewer-problem" data-code={problem.code}>
          {problem.message}
        </div>
      ) : filterActive ? (
        <div className="overflow-hidden rounded-lg border border-slate-800 bg-slate-950" data-testid="filtered-lines">
          <div className="scroll-thin max-h-[70vh] overflow-auto py-1.5 font-mono text-[12px] leading-5">
            {filtered?.lines.map((l) => (
              <div key={l.n} className="flex w-max min-w-full whitespace-pre hover:bg-white/[0.04]">
                <button
                  type="button"
                  onClick={() => leaveFilter(l.n)}
                  className="sticky left-0 shrink-0 bg-slate-950 pr-3 pl-3 text-right text-sky-400 hover:text-sky-300"
                  style={{ width: `${gutterCh + 2}ch` }}
                  title="Show this line among all lines"
                >
                  {l.n}
                </button>
                <code className="pr-4 text-slate-200">
                  <LineText text={l.text} />
                </code>
              </div>
            ))}
            {filtered && !filtered.busy && filtered.lines.length === 0 && <p className="px-4 py-3 text-slate-400">No line matches these filters{filtered.note ? ` (${filtered.note})` : ""}.</p>}
          </div>
          <div className="flex items-center gap-3 border-t border-slate-800 bg-slate-900 px-3 py-1.5 text-xs text-slate-400">
            {filtered?.busy ? "Searching…" : `${filtered?.lines.length ?? 0} lines shown`}
            {filtered?.note && filtered.lines.length > 0 && <span>{filtered.note}</span>}
            {filtered?.next && !filtered.busy && (
              <button type="button" className="font-medium text-slate-200 hover:text-white" onClick={() => void loadFiltered(filtered.next!, true)}>
                Load more
              </button>
            )}
          </div>
        </div>
      ) : (
        <div className="overflow-hidden rounded-lg border border-slate-800 bg-slate-950 shadow-inner">
          <div
            ref={scroller}
            className="scroll-thin relative h-[70vh] min-h-80 overflow-auto font-mono text-[12px] leading-5"
            onScroll={(e) => setViewport({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
            tabIndex={0}
            role="region"
            aria-label={`Lines of ${file}`}
            data-testid="log-lines"
          >
            <div style={{ height: spacerPx, width: `${maxChars + gutterCh + 6}ch` }} />
            {rows}
            {total === 0 && <p className="absolute top-3 left-4 text-slate-400">This file is empty.</p>}
          </div>
        </div>
      )}

      {here.length > 0 && (
        <section className="card px-5 py-4" aria-label="Evidence in this file">
          <h2 className="eyebrow mb-2">Evidence in this file</h2>
          <ul className="space-y-1 text-sm">
            {here.slice(0, 50).map((e) => (
              <li key={e.line} className="flex flex-wrap items-baseline gap-x-2">
                <button type="button" className="font-mono text-brand-700 hover:underline" onClick={() => (filterActive ? leaveFilter(e.line) : goTo(e.line))}>
                  line {e.line}
                </button>
                {e.cards.map((c) => (
                  <a key={c.anchor} href={`${pageBase}#${c.anchor}`} className={`text-slate-600 hover:text-slate-900 hover:underline ${c.anchor === backCard ? "font-medium" : ""}`}>
                    {c.title}
                  </a>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
