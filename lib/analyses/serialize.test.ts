import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Analysis } from "@/lib/generated/prisma/client";
import { toView } from "@/lib/analyses/serialize";

function row(over: Partial<Analysis>): Analysis & { results: [] } {
  const base = {
    id: "AAAAAAAAAAAAAAAAAAAAAA", createdAt: new Date("2026-11-30T08:00:00Z"), updatedAt: new Date("2026-11-30T08:00:00Z"), status: "done",
    errorCode: null, errorMessage: null, fileName: "b.tar.gz", size: BigInt(10), storageKey: "k", host: null, product: null, version: null,
    logStart: null, logEnd: null, files: [], notes: [], lineCount: 0, details: {}, previousOutcomes: null, previousCatalogVersion: null,
    stats: null, catalogVersion: null, issueCount: 0, potentialCount: 0, missingCount: 0, naCount: 0, okCount: 0, attempts: 0,
    startedAt: null, finishedAt: null, workspaceId: null, createdById: null,
  };
  return { ...base, ...over, results: [] } as unknown as Analysis & { results: [] };
}

describe("toView", () => {
  it("dates a queued re-analysis from its request, not from the original upload", () => {
    const view = toView(row({ status: "queued", updatedAt: new Date("2026-12-01T09:00:00Z"), previousOutcomes: [] }));
    assert.equal(view.queuedAt, "2026-12-01T09:00:00.000Z");
    assert.equal(view.createdAt, "2026-11-30T08:00:00.000Z");
  });

  it("gives no queued time to an analysis that is not waiting", () => {
    assert.equal(toView(row({ status: "running", startedAt: new Date() })).queuedAt, null);
    assert.equal(toView(row({ status: "done" })).queuedAt, null);
  });
});
