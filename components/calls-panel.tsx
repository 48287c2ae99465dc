"use client";
// The overview's Calls section: every SIP call the logs show (failed first), searchable and filtered
// by state and final code, each opening its ladder diagram; and the registrations per AOR with the
// outcome of their attempts. Lists come page by page from the calls API (members' or a share link's);
// `?call=<id>` opens a call, so a card can link to the ladder of a call it names. A case shows its
// calls joined across its Expressways through the same panel (`registrations` off, the extras saying
// on which Expressways each call and message was seen).
import { type ReactNode, useCallback, useEffect, useState } from "react";
import { CALL_STATES, CALL_STATE_LABELS, type CallDetail, type CallMessage, type CallPage, type CallState, type CallSummary, type Registration, type RegistrationPage, type SipDetail } from "@/lib/results/calls";
import { formatLogTime } from "@/lib/ui/format";
import { CallLadder } from "./call-ladder";
import { ErrorNotice } from "./error-notice";

const PAGE_SIZE = 50;

const STATE_STYLE: Record<CallState, string> = {
  answered: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  rejected: "bg-rose-50 text-rose-700 ring-rose-200",
  failed: "bg-rose-50 text-rose-700 ring-rose-200",
  cancelled: "bg-amber-50 text-amber-800 ring-amber-200",
  in_progress: "bg-slate-100 text-slate-700 ring-slate-200",
};

function StateChip({ call }: { call: Pick<CallSummary, "state" | "code"> }) {
  return (
    <span className={`inline-flex shrink-0 items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${STATE_STYLE[call.state]}`}>
      {CALL_STATE_LABELS[call.state]}
      {call.code !== null && call.state !== "answered" && <span className="font-mono">{call.code}</span>}
    </span>
  );
}

function duration(s: number | null): string {
  if (s === null) return "";
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${String(Math.round(s % 60)).padStart(2, "0")} s`;
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { cache: "no-store", headers: { accept: "application/json" }, signal });
  if (!res.ok) throw new Error(res.status === 404 ? "Not found." : `The server answered ${res.status}.`);
  return (await res.json()) as T;
}

/** What a caller adds to the panel: under a list row, under a call's facts, under a message of the ladder. */
export type CallsPanelExtras = {
  rowExtra?: (call: CallSummary) => ReactNode;
  callExtra?: (call: CallDetail) => ReactNode;
  messageExtra?: (message: CallMessage) => ReactNode;
};

export function CallsPanel({
  apiBase,
  detail,
  registrations = true,
  title = "Calls and registrations",
  extras = {},
}: {
  apiBase: string;
  detail: SipDetail;
  /** false: no Registrations tab (a case lists calls only) */
  registrations?: boolean;
  title?: string;
  extras?: CallsPanelExtras;
}) {
  const [view, setView] = useState<"calls" | "registrations">("calls");
  const [selected, setSelected] = useState<string | null>(null);

  // ?call=<id> (a card's link) opens that call.
  useEffect(() => {
    const id = new URL(window.location.href).searchParams.get("call");
    if (id) {
      setSelected(id);
      document.getElementById("calls")?.scrollIntoView({ block: "start" });
    }
  }, []);

  const open = useCallback((id: string | null) => {
    setSelected(id);
    const url = new URL(window.location.href);
    if (id) url.searchParams.set("call", id);
    else url.searchParams.delete("call");
    url.hash = "calls";
    window.history.replaceState(window.history.state, "", url);
  }, []);

  return (
    <section id="calls" className="card overflow-hidden" aria-labelledby="calls-title" data-testid="calls-panel">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-2 border-b border-slate-100 px-5 py-4 sm:px-6">
        <h2 id="calls-title" className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {registrations && (
          <div role="tablist" aria-label="SIP views" className="flex gap-1 rounded-lg bg-slate-100 p-1 text-sm">
            {(["calls", "registrations"] as const).map((v) => (
              <button
                key={v}
                role="tab"
                type="button"
                aria-selected={view === v}
                data-testid={`sip-tab-${v}`}
                onClick={() => setView(v)}
                className={`rounded-md px-3 py-1 font-medium ${view === v ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900"}`}
              >
                {v === "calls" ? "Calls" : "Registrations"}{" "}
                <span className="tabular-nums text-slate-500">{(v === "calls" ? detail.calls : detail.registrations).toLocaleString("en-US")}</span>
              </button>
            ))}
          </div>
        )}
      </div>
      {view === "calls" || !registrations ? (
        selected ? (
          <CallView apiBase={apiBase} id={selected} onBack={() => open(null)} extras={extras} />
        ) : (
          <CallList apiBase={apiBase} detail={detail} onOpen={open} rowExtra={extras.rowExtra} />
        )
      ) : (
        <RegistrationList apiBase={apiBase} />
      )}
      <ReadingNote detail={detail} />
    </section>
  );
}

function CallList({ apiBase, detail, onOpen, rowExtra }: { apiBase: string; detail: SipDetail; onOpen: (id: string) => void; rowExtra?: CallsPanelExtras["rowExtra"] }) {
  const [q, setQ] = useState("");
  const [state, setState] = useState("");
  const [code, setCode] = useState("");
  const [page, setPage] = useState(1);
  const [data, setData] = useState<CallPage | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const ctl = new AbortController();
    const t = setTimeout(() => {
      const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
      if (q.trim()) params.set("q", q.trim());
      if (state) params.set("state", state);
      if (/^\d{3}$/.test(code)) params.set("code", code);
      getJson<CallPage>(`${apiBase}/calls?${params}`, ctl.signal)
        .then((d) => {
          setData(d);
          setError(null);
        })
        .catch((e: Error) => {
          if (!ctl.signal.aborted) setError(e.message);
        });
    }, 200);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [apiBase, q, state, code, page]);

  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <div className="px-5 py-4 sm:px-6">
      <p className="mb-3 text-sm text-slate-600">
        {detail.calls.toLocaleString("en-US")} call{detail.calls === 1 ? "" : "s"} ·{" "}
        <span className={detail.failedCalls > 0 ? "font-semibold text-rose-700" : ""}>{detail.failedCalls.toLocaleString("en-US")} rejected or failed</span>
        {CALL_STATES.filter((s) => s !== "rejected" && s !== "failed" && detail.byState[s]).map((s) => ` · ${detail.byState[s].toLocaleString("en-US")} ${CALL_STATE_LABELS[s].toLowerCase()}`)}
      </p>
      <div className="mb-3 grid gap-2 sm:grid-cols-[1fr_auto_auto]">
        <input
          type="search"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setPage(1);
          }}
          placeholder="Search alias, Call-ID, host, address, device"
          aria-label="Search calls"
          data-testid="calls-search"
          className="w-full min-w-0 rounded-md border border-slate-300 px-3 py-1.5 text-sm"
        />
        <select
          value={state}
          onChange={(e) => {
            setState(e.target.value);
            setPage(1);
          }}
          aria-label="Call state"
          data-testid="calls-state"
          className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        >
          <option value="">All states</option>
          {CALL_STATES.map((s) => (
            <option key={s} value={s}>
              {CALL_STATE_LABELS[s]}
            </option>
          ))}
        </select>
        <input
          inputMode="numeric"
          value={code}
          onChange={(e) => {
            setCode(e.target.value.replace(/\D/g, "").slice(0, 3));
            setPage(1);
          }}
          placeholder="Code"
          aria-label="Final response code"
          className="w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm sm:w-20"
        />
      </div>
      {error && <ErrorNotice>{error}</ErrorNotice>}
      {data && data.items.length === 0 && <p className="py-6 text-center text-sm text-slate-500">No call matches.</p>}
      {data && data.items.length > 0 && (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" data-testid="calls-list">
          {data.items.map((c) => (
            <li key={c.id}>
              <button type="button" onClick={() => onOpen(c.id)} className="flex w-full min-w-0 flex-col gap-1 px-3 py-2.5 text-left hover:bg-slate-50 sm:flex-row sm:items-center sm:gap-3" data-testid="call-row" data-state={c.state}>
                <StateChip call={c} />
                <span className="min-w-0 flex-1 font-mono text-[13px] text-slate-900 [overflow-wrap:anywhere]">
                  {c.from ?? "unknown caller"} <span className="text-slate-400">→</span> {c.to ?? "unknown callee"}
                </span>
                <span className="shrink-0 text-xs text-slate-500 tabular-nums">
                  {formatLogTime(c.start)}
                  {c.durationSeconds !== null && c.state === "answered" ? ` · ${duration(c.durationSeconds)}` : ""}
                  {c.reason && c.state !== "answered" ? ` · ${c.reason}` : ""}
                </span>
              </button>
              {rowExtra && <div className="-mt-1 px-3 pb-2.5">{rowExtra(c)}</div>}
            </li>
          ))}
        </ul>
      )}
      {data && pages > 1 && (
        <div className="mt-3 flex items-center justify-between text-sm">
          <button type="button" className="btn-secondary" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
            Previous
          </button>
          <span className="text-slate-500 tabular-nums">
            Page {page} of {pages}
          </span>
          <button type="button" className="btn-secondary" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
            Next
          </button>
        </div>
      )}
    </div>
  );
}

function CallView({ apiBase, id, onBack, extras }: { apiBase: string; id: string; onBack: () => void; extras: CallsPanelExtras }) {
  const [call, setCall] = useState<CallDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const ctl = new AbortController();
    setCall(null);
    getJson<CallDetail>(`${apiBase}/calls/${encodeURIComponent(id)}`, ctl.signal)
      .then((c) => {
        setCall(c);
        setError(null);
      })
      .catch((e: Error) => {
        if (!ctl.signal.aborted) setError(e.message);
      });
    return () => ctl.abort();
  }, [apiBase, id]);

  return (
    <div className="space-y-4 px-5 py-4 sm:px-6" data-testid="call-view">
      <button type="button" className="btn-secondary" onClick={onBack}>
        ← All calls
      </button>
      {error && <ErrorNotice>{error}</ErrorNotice>}
      {!call && !error && <p className="text-sm text-slate-500">Loading the call…</p>}
      {call && (
        <>
          <div className="space-y-2">
            <div className="flex flex-wrap items-center gap-2">
              <StateChip call={call} />
              <h3 className="min-w-0 font-mono text-sm font-semibold text-slate-900 [overflow-wrap:anywhere]" data-testid="call-title">
                {call.from ?? "unknown caller"} → {call.to ?? "unknown callee"}
              </h3>
            </div>
            <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
              <Fact label="Start">{formatLogTime(call.start, { ms: true })}</Fact>
              <Fact label="End">
                {formatLogTime(call.end, { ms: true })}
                {call.durationSeconds !== null ? ` (${duration(call.durationSeconds)})` : ""}
              </Fact>
              {call.code !== null && (
                <Fact label="Final response">
                  {call.code} {call.reason ?? ""}
                </Fact>
              )}
              {call.warning && <Fact label="Warning">{call.warning}</Fact>}
              {call.endedBy && <Fact label="Ended by">{call.endedBy}</Fact>}
              {call.endReason && <Fact label="Reason">{call.endReason}</Fact>}
              {call.userAgent && <Fact label="Caller's device">{call.userAgent}</Fact>}
              <Fact label="Call-IDs">{call.callIds.join(", ")}</Fact>
            </dl>
            {extras.callExtra?.(call)}
            {call.searchNotFound && <p className="text-sm text-rose-700">The Expressway's search for the dialled alias found no match (Search Completed, found: false).</p>}
            {(call.cutStart || call.cutEnd) && (
              <p className="text-sm text-slate-600">
                {call.cutStart ? "The call began before the log's first line. " : ""}
                {call.cutEnd ? "The log ended before the call did." : ""}
              </p>
            )}
            {call.offers.length > 0 && (
              <div className="text-sm">
                <h4 className="eyebrow mb-1">Media offered</h4>
                <ul className="space-y-0.5 text-slate-700">
                  {call.offers.map((o, i) => (
                    <li key={i} className="[overflow-wrap:anywhere]">
                      <span className="font-medium">{o.from}</span> → {o.to}: {o.media.map((m) => `${m.type} ${m.proto}${m.crypto.length ? ` (${m.crypto.join(", ")})` : ""} ${m.codecs.slice(0, 4).join(" ")}`).join("; ") || "no media lines"}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
          <CallLadder call={call} messageExtra={extras.messageExtra} />
        </>
      )}
    </div>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex min-w-0 gap-2">
      <dt className="shrink-0 text-slate-500">{label}</dt>
      <dd className="min-w-0 text-slate-800 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

function RegistrationList({ apiBase }: { apiBase: string }) {
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const [data, setData] = useState<RegistrationPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const ctl = new AbortController();
    const t = setTimeout(() => {
      const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
      if (q.trim()) params.set("q", q.trim());
      getJson<RegistrationPage>(`${apiBase}/registrations?${params}`, ctl.signal)
        .then((d) => {
          setData(d);
          setError(null);
        })
        .catch((e: Error) => {
          if (!ctl.signal.aborted) setError(e.message);
        });
    }, 200);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [apiBase, q, page]);
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <div className="px-5 py-4 sm:px-6" data-testid="registrations">
      <input
        type="search"
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setPage(1);
        }}
        placeholder="Search AOR, contact, device"
        aria-label="Search registrations"
        className="mb-3 w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm"
      />
      {error && <ErrorNotice>{error}</ErrorNotice>}
      {data && data.items.length === 0 && <p className="py-6 text-center text-sm text-slate-500">No registration matches.</p>}
      {data && data.items.length > 0 && (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
          {data.items.map((r) => (
            <RegistrationRow key={r.aor} r={r} />
          ))}
        </ul>
      )}
      {data && pages > 1 && (
        <div className="mt-3 flex items-center justify-between text-sm">
          <button type="button" className="btn-secondary" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
            Previous
          </button>
          <span className="text-slate-500 tabular-nums">
            Page {page} of {pages}
          </span>
          <button type="button" className="btn-secondary" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
            Next
          </button>
        </div>
      )}
    </div>
  );
}

function RegistrationRow({ r }: { r: Registration }) {
  return (
    <li className="space-y-1 px-3 py-2.5 text-sm" data-testid="registration-row">
      <div className="flex flex-wrap items-center gap-2">
        <span className="min-w-0 font-mono text-[13px] font-semibold text-slate-900 [overflow-wrap:anywhere]">{r.aor}</span>
        {Object.entries(r.outcomes)
          .sort((a, b) => b[1] - a[1])
          .map(([code, n]) => {
            const c = Number(code);
            const cls = code === "none" ? "bg-slate-100 text-slate-600 ring-slate-200" : c < 300 ? "bg-emerald-50 text-emerald-700 ring-emerald-200" : c === 401 || c === 407 ? "bg-amber-50 text-amber-800 ring-amber-200" : "bg-rose-50 text-rose-700 ring-rose-200";
            return (
              <span key={code} className={`rounded px-1.5 py-0.5 font-mono text-xs ring-1 ring-inset ${cls}`}>
                {code === "none" ? "no answer" : code} ×{n}
              </span>
            );
          })}
      </div>
      <p className="text-xs text-slate-600 [overflow-wrap:anywhere]">
        {r.attempts} attempt{r.attempts === 1 ? "" : "s"} · {formatLogTime(r.firstSeen)} – {formatLogTime(r.lastSeen)}
        {r.expires !== null ? ` · expires ${r.expires} s` : ""}
        {r.devices.length > 0 ? ` · ${r.devices.join(", ")}` : ""}
      </p>
      {r.contacts.length > 0 && <p className="font-mono text-xs text-slate-500 [overflow-wrap:anywhere]">{r.contacts.join(" · ")}</p>}
    </li>
  );
}

function ReadingNote({ detail }: { detail: SipDetail }) {
  const r = detail.reading;
  const parts: string[] = [];
  if (r.summariesWithoutBlock > 0) parts.push(`${r.summariesWithoutBlock} summary lines without their message (network.sip logged at INFO, or the block was cut)`);
  if (r.blocksWithoutSummary > 0) parts.push(`${r.blocksWithoutSummary} messages without their summary line`);
  if (r.refusedJoins > 0) parts.push(`${r.refusedJoins} leg joins refused (legs too far apart or too many)`);
  if (r.malformedStartLines > 0) parts.push(`${r.malformedStartLines} unreadable start lines`);
  if (r.unplaced > 0) parts.push(`${r.unplaced} messages without a Call-ID or method`);
  if (r.afterFold > 0) parts.push(`${r.afterFold} messages came after their call was folded to save memory`);
  if ((r.callsFoldedOpen ?? 0) > 0) parts.push(`${r.callsFoldedOpen.toLocaleString("en-US")} calls that had not ended were closed as they stood to bound memory (listed in progress)`);
  if (parts.length === 0) return null;
  return <p className="border-t border-slate-100 px-5 py-3 text-xs text-slate-500 sm:px-6">Reading: {parts.join("; ")}.</p>;
}
