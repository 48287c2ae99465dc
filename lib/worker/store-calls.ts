// Writes an analysis's calls and registrations into their tables, inside the transaction that stores
// its results: a rerun replaces them, and a page never sees calls of a half-stored analysis.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CallsOutput } from "@/lib/results/calls";
import { callSessionIds } from "@/lib/worker/call-session-ids";

/** Rows per INSERT: each batch is one JSON parameter (~1 MB for 500 busy calls). */
const BATCH = 500;

// Rows go in as one JSON document per batch, unpacked by PostgreSQL (jsonb_to_recordset; JSON arrays
// become text[]): Prisma's createMany walks every value of every summary first, which took ~2 s of a
// 1 GiB SIP analysis's 5,000 calls on the embedded database.
export async function storeCalls(tx: Prisma.TransactionClient, analysisId: string, calls: CallsOutput | undefined): Promise<void> {
  await tx.sipCall.deleteMany({ where: { analysisId } });
  await tx.sipRegistration.deleteMany({ where: { analysisId } });
  if (!calls) return;
  for (let i = 0; i < calls.calls.length; i += BATCH) {
    const rows = calls.calls.slice(i, i + BATCH).map((c, k) => {
      const { messages, ...summary } = c;
      return {
        callId: c.id,
        position: i + k,
        sipCallIds: c.callIds,
        sessionIds: callSessionIds(c, messages),
        state: c.state,
        code: c.code,
        search: searchText([c.from, c.to, ...c.callIds, ...c.hosts, ...c.entities.map((e) => e.label), c.userAgent, c.reason]),
        summary,
        messages,
      };
    });
    await tx.$executeRaw`
      INSERT INTO "SipCall" ("analysisId", "callId", "position", "sipCallIds", "sessionIds", "state", "code", "search", "summary", "messages")
      SELECT ${analysisId}, r."callId", r."position", r."sipCallIds", r."sessionIds", r."state", r."code", r."search", r."summary", r."messages"
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS r("callId" text, "position" int, "sipCallIds" text[], "sessionIds" text[], "state" text, "code" int, "search" text, "summary" jsonb, "messages" jsonb)`;
  }
  for (let i = 0; i < calls.registrations.length; i += BATCH) {
    const rows = calls.registrations.slice(i, i + BATCH).map((r, k) => ({
      position: i + k,
      aor: r.aor,
      search: searchText([r.aor, ...r.contacts, ...r.devices, ...r.hosts]),
      data: r,
    }));
    await tx.$executeRaw`
      INSERT INTO "SipRegistration" ("analysisId", "position", "aor", "search", "data")
      SELECT ${analysisId}, r."position", r."aor", r."search", r."data"
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r("position" int, "aor" text, "search" text, "data" jsonb)`;
  }
}

function searchText(parts: (string | null)[]): string {
  const s = parts.filter((p): p is string => !!p).join("\n").toLowerCase();
  return s.length > 4000 ? s.slice(0, 4000) : s;
}
