"use client";
// The ladder (sequence) diagram of one call, drawn as SVG: one column per entity (the client, each
// Expressway, the B2BUA, CUCM...), one arrow per message with its label and time, final failures in
// red. The diagram scrolls sideways inside its frame; clicking an arrow (or focusing it and pressing
// Enter) shows the whole SIP message as text with the log file and line it came from.
import { type ReactNode, useEffect, useMemo, useState } from "react";
import type { CallDetail, CallMessage } from "@/lib/results/calls";
import { formatLogTime } from "@/lib/ui/format";

const COL = 170;
const LEFT = 92;
const TOP = 58;
const ROW = 34;

function timeOf(iso: string): string {
  const m = /T(\d{2}:\d{2}:\d{2})(?:[.,](\d{1,3}))?/.exec(iso);
  return m ? `${m[1]}${m[2] ? `.${m[2].padEnd(3, "0")}` : ""}` : iso;
}

function clipLabel(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** `messageExtra`: shown under the selected message's source (a case: the other Expressway that logged it). */
export function CallLadder({ call, messageExtra }: { call: CallDetail; messageExtra?: (m: CallMessage) => ReactNode }) {
  const messages = call.messages;
  const firstFailure = useMemo(() => messages.findIndex((m) => m.failure), [messages]);
  const [selected, setSelected] = useState<number | null>(firstFailure >= 0 ? firstFailure : messages.length > 0 ? 0 : null);
  useEffect(() => setSelected(firstFailure >= 0 ? firstFailure : messages.length > 0 ? 0 : null), [call.id, firstFailure, messages.length]);

  const cols = Math.max(call.entities.length, 2);
  const width = LEFT + cols * COL;
  const height = TOP + messages.length * ROW + 24;
  const x = (i: number) => LEFT + i * COL + COL / 2;
  const current: CallMessage | null = selected !== null ? (messages[selected] ?? null) : null;

  if (messages.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-slate-50 px-4 py-3 text-sm text-slate-600" data-testid="ladder-empty">
        {call.messagesKept
          ? "No messages of this call were logged."
          : `This call's ${call.messageCount} messages were not kept: only the first calls of each cause keep their whole message list (the others are counted). Its summary above still holds.`}
      </p>
    );
  }

  return (
    <div className="space-y-3">
      <div className="scroll-thin max-w-full overflow-x-auto rounded-lg border border-slate-200 bg-white" data-testid="ladder-frame">
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Ladder diagram of call ${call.id}: ${messages.length} messages between ${call.entities.length} entities`} data-testid="ladder" className="block font-sans">
          <defs>
            <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" fill="#475569" />
            </marker>
            <marker id="arrow-red" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" fill="#be123c" />
            </marker>
          </defs>
          {call.entities.map((e, i) => (
            <g key={e.id}>
              <rect x={x(i) - COL / 2 + 8} y={6} width={COL - 16} height={38} rx={6} fill={e.kind === "expressway" ? "#eef2ff" : "#f8fafc"} stroke={e.kind === "expressway" ? "#a5b4fc" : "#cbd5e1"} />
              <text x={x(i)} y={22} textAnchor="middle" fontSize={11.5} fontWeight={600} fill="#0f172a">
                <title>{`${e.label}${e.ip ? ` (${e.ip}${e.ports.length ? `:${e.ports.join(", ")}` : ""})` : ""}`}</title>
                {clipLabel(e.label, 24)}
              </text>
              <text x={x(i)} y={37} textAnchor="middle" fontSize={10} fill="#64748b">
                {clipLabel(e.kind === "expressway" ? (e.ip ?? "Expressway") : e.ports.length ? `port ${e.ports.slice(0, 3).join(", ")}` : (e.role ?? ""), 26)}
              </text>
              <line x1={x(i)} y1={44} x2={x(i)} y2={height - 8} stroke="#cbd5e1" strokeDasharray="4 4" />
            </g>
          ))}
          {messages.map((m, i) => {
            const y = TOP + i * ROW + 18;
            const from = x(m.from);
            const to = x(m.to);
            const self = m.from === m.to;
            const red = m.failure;
            const active = selected === i;
            const color = red ? "#be123c" : "#475569";
            const mid = self ? from + 40 : (from + to) / 2;
            return (
              <g
                key={i}
                role="button"
                tabIndex={0}
                aria-label={`${timeOf(m.time)} ${m.label} from ${call.entities[m.from]?.label} to ${call.entities[m.to]?.label}`}
                aria-pressed={active}
                data-testid="ladder-arrow"
                data-failure={red ? "true" : "false"}
                className="cursor-pointer outline-none"
                onClick={() => setSelected(i)}
                onKeyDown={(e) => {
                  if (e.key === "Enter" || e.key === " ") {
                    e.preventDefault();
                    setSelected(i);
                  }
                }}
              >
                <rect x={0} y={y - 16} width={width} height={ROW - 2} fill={active ? (red ? "#fff1f2" : "#f1f5f9") : "transparent"} />
                <text x={8} y={y + 4} fontSize={10.5} fill="#64748b" className="tabular-nums">
                  {timeOf(m.time)}
                </text>
                {self ? (
                  <path d={`M ${from} ${y - 6} h 30 v 12 h -28`} fill="none" stroke={color} strokeWidth={active ? 2 : 1.4} markerEnd={`url(#${red ? "arrow-red" : "arrow"})`} />
                ) : (
                  <line x1={from} y1={y} x2={to} y2={y} stroke={color} strokeWidth={active ? 2.2 : 1.4} markerEnd={`url(#${red ? "arrow-red" : "arrow"})`} />
                )}
                <text x={mid} y={y - 5} textAnchor="middle" fontSize={11} fontWeight={red || active ? 600 : 500} fill={red ? "#be123c" : "#1e293b"}>
                  {clipLabel(m.label, Math.max(12, Math.floor((Math.abs(to - from) || COL) / 7)))}
                </text>
              </g>
            );
          })}
        </svg>
      </div>

      {current && (
        <div className="rounded-lg border border-slate-200" data-testid="sip-message">
          <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 border-b border-slate-100 bg-slate-50 px-3 py-2 text-xs text-slate-600">
            <span className={`font-mono text-sm font-semibold ${current.failure ? "text-rose-700" : "text-slate-900"}`}>{current.label}</span>
            <span className="min-w-0 [overflow-wrap:anywhere]">
              {formatLogTime(current.time, { ms: true })} · {call.entities[current.from]?.label} → {call.entities[current.to]?.label}
            </span>
            <span className="min-w-0 font-mono [overflow-wrap:anywhere]" data-testid="sip-message-source">
              {current.file}:{current.line}
              {current.blockLine !== null && current.blockLine !== current.line + 1 ? ` (message at line ${current.blockLine})` : ""}
            </span>
            {messageExtra?.(current)}
          </div>
          {current.text !== null ? (
            <pre className="scroll-thin max-h-96 overflow-auto px-3 py-2 font-mono text-xs leading-relaxed whitespace-pre text-slate-800" data-testid="sip-message-text">
              {current.text}
              {current.textTruncated ? "\n… (message cut: the rest is in the log)" : ""}
            </pre>
          ) : (
            <p className="px-3 py-2 text-sm text-slate-600">Only the summary line of this message was logged (network.sip at INFO level): the message itself is not in the log.</p>
          )}
        </div>
      )}
    </div>
  );
}
