// Writes an analysis's calls and registrations into their tables, inside the transaction that stores
// its results: a rerun replaces them, and a page never sees calls of a half-stored analysis.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CallsOutput } from "@/lib/results/calls";
import { callSessionIds } from "@/lib/worker/call-session-ids";

const BATCH = 250;

export async function storeCalls(tx: Prisma.TransactionClient, analysisId: string, calls: CallsOutput | undefined): Promise<void> {
  await tx.sipCall.deleteMany({ where: { analysisId } });
  await tx.sipRegistration.deleteMany({ where: { analysisId } });
  if (!calls) return;
  for (let i = 0; i < calls.calls.length; i += BATCH) {
    await tx.sipCall.createMany({
      data: calls.calls.slice(i, i + BATCH).map((c, k) => {
        const { messages, ...summary } = c;
        return {
          analysisId,
          callId: c.id,
          position: i + k,
          sipCallIds: c.callIds,
          sessionIds: callSessionIds(c, messages),
          state: c.state,
          code: c.code,
          search: searchText([c.from, c.to, ...c.callIds, ...c.hosts, ...c.entities.map((e) => e.label), c.userAgent, c.reason]),
          summary: summary as unknown as Prisma.InputJsonValue,
          messages: messages === null ? undefined : (messages as unknown as Prisma.InputJsonValue),
        };
      }),
    });
  }
  for (let i = 0; i < calls.registrations.length; i += BATCH) {
    await tx.sipRegistration.createMany({
      data: calls.registrations.slice(i, i + BATCH).map((r, k) => ({
        analysisId,
        position: i + k,
        aor: r.aor,
        search: searchText([r.aor, ...r.contacts, ...r.devices, ...r.hosts]),
        data: r as unknown as Prisma.InputJsonValue,
      })),
    });
  }
}

function searchText(parts: (string | null)[]): string {
  const s = parts.filter((p): p is string => !!p).join("\n").toLowerCase();
  return s.length > 4000 ? s.slice(0, 4000) : s;
}
