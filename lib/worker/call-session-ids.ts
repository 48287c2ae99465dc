// The session ids a stored call carries, so a case can join it with the same call logged by another
// Expressway (lib/cases/join-case-calls.ts) after its B2BUA changed the Call-ID. Read from what the
// call keeps: the `Session-ID: <local>;remote=<remote>` header of its messages' text (RFC 7989) and
// the `Local-SessionID=..., Remote-SessionID=...` of its evidence summary lines (FORMATS.md "SIP").
// The all-zero id (no session yet) is no id.
import { isUsableSessionId } from "@/lib/parse/sip-summary";
import type { CallMessage, CallSummary } from "@/lib/results/calls";

const MAX_IDS = 32;
const HEADER = /^[ \t]*Session-ID[ \t]*:[ \t]*([0-9A-Fa-f]{8,64})(?:[ \t]*;[ \t]*remote[ \t]*=[ \t]*([0-9A-Fa-f]{8,64}))?/gim;
const SUMMARY = /\b(?:Local|Remote)-SessionID=\s*([0-9A-Fa-f]{8,64})/g;

export function callSessionIds(call: Pick<CallSummary, "evidence">, messages: Pick<CallMessage, "text">[] | null): string[] {
  const ids = new Set<string>();
  const add = (id: string | undefined) => {
    if (ids.size < MAX_IDS && isUsableSessionId(id)) ids.add(id.toLowerCase());
  };
  for (const m of messages ?? []) {
    if (m.text === null || m.text.indexOf("Session-ID") === -1) continue;
    for (const match of m.text.matchAll(HEADER)) {
      add(match[1]);
      add(match[2]);
    }
  }
  for (const e of call.evidence) for (const match of e.text.matchAll(SUMMARY)) add(match[1]);
  return [...ids];
}
