"use client";
// The case's Calls view: the analysis overview's calls list and ladder (CallsPanel, CallLadder) over
// the case's calls joined across its Expressways, each row and message saying which Expressways
// logged it. Members read /api/cases/:id/calls, a share link /api/shared/:token/calls.
import Link from "next/link";
import { useMemo } from "react";
import type { CallDetail, CallMessage, CallSummary, SipDetail } from "@/lib/results/calls";
import type { CaseAnalysis, CaseCallMessage, CaseCalls as CaseCallsView, CaseCallSummary } from "@/lib/cases/case-view";
import { CallsPanel, type CallsPanelExtras } from "./calls-panel";

function SeenOnHosts({ call, hrefOf, analyses }: { call: CaseCallSummary; hrefOf: (a: CaseAnalysis) => string; analyses: CaseAnalysis[] }) {
  return (
    <p className="flex flex-wrap items-center gap-1.5 text-xs text-slate-600" data-testid="case-call-seen-on">
      <span className="text-slate-500">Seen on</span>
      {call.seenOn.map((p) => {
        const a = analyses.find((x) => x.id === p.analysisId);
        const label = p.host ?? a?.fileName ?? "unknown host";
        return a ? (
          <Link
            key={`${p.analysisId}:${p.callId}`}
            href={`${hrefOf(a)}?call=${encodeURIComponent(p.callId)}#calls`}
            className="rounded-md bg-slate-50 px-1.5 py-0.5 font-medium text-slate-800 ring-1 ring-slate-200 ring-inset hover:bg-slate-100 [overflow-wrap:anywhere]"
            data-testid="case-call-peer"
            onClick={(e) => e.stopPropagation()}
          >
            {label}
          </Link>
        ) : (
          <span key={`${p.analysisId}:${p.callId}`} className="rounded-md bg-slate-50 px-1.5 py-0.5 font-medium text-slate-800 ring-1 ring-slate-200 ring-inset" data-testid="case-call-peer">
            {label}
          </span>
        );
      })}
    </p>
  );
}

export function CaseCalls({ calls, apiBase, hrefOf, analyses }: { calls: CaseCallsView; apiBase: string; hrefOf: (a: CaseAnalysis) => string; analyses: CaseAnalysis[] }) {
  const detail: SipDetail = useMemo(
    () => ({ calls: calls.total, failedCalls: calls.failedCalls, byState: calls.byState, registrations: 0, refusedRegistrations: 0, reading: calls.reading }),
    [calls],
  );
  const extras: CallsPanelExtras = useMemo(
    () => ({
      rowExtra: (c: CallSummary) => <SeenOnHosts call={c as unknown as CaseCallSummary} hrefOf={hrefOf} analyses={analyses} />,
      callExtra: (c: CallDetail) => <SeenOnHosts call={c as unknown as CaseCallSummary} hrefOf={hrefOf} analyses={analyses} />,
      messageExtra: (m: CallMessage) => {
        const cm = m as CaseCallMessage;
        if (!cm.alsoLoggedOn?.length) return null;
        return (
          <span className="w-full min-w-0 font-mono [overflow-wrap:anywhere]" data-testid="sip-message-also">
            also logged by {cm.alsoLoggedOn.map((o) => `${o.file}:${o.line}`).join(", ")}
          </span>
        );
      },
    }),
    [hrefOf, analyses],
  );
  return (
    <div data-testid="case-calls">
      <CallsPanel apiBase={apiBase} detail={detail} registrations={false} title="Calls across the Expressways" extras={extras} />
      {calls.joined > 0 && (
        <p className="mt-2 px-1 text-xs text-slate-500" data-testid="case-calls-joined">
          {calls.joined} of {calls.total} call{calls.total === 1 ? "" : "s"} seen on more than one Expressway ({calls.parts} calls over the bundles before the join), joined by Call-ID or Session-ID.
        </p>
      )}
    </div>
  );
}
