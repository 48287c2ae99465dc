// Database rows -> the public API shapes of lib/results/types.ts.
import type { Analysis, Result } from "@/lib/generated/prisma/client";
import { bundleFileSchema } from "@/lib/bundle/bundle-file";
import {
  affectedSchema,
  analysisDetailsSchema,
  type AnalysisDetails,
  evidenceSchema,
  bundlePartialSchema,
  productIdentitySchema,
  readingSchema,
  referenceSchema,
  relatedCheckSchema,
  type AnalysisSummary,
  type PreviousRun,
  previousOutcomeSchema,
  type AnalysisView,
  type Outcome,
  type SignatureResult,
} from "@/lib/results/types";
import { z } from "zod";

export const analysisUrl = (id: string) => `/analyses/${id}`;

function counts(a: Analysis): Record<Outcome, number> {
  return { issue: a.issueCount, potential: a.potentialCount, missing: a.missingCount, not_applicable: a.naCount, ok: a.okCount };
}

function errorOf(a: Analysis) {
  return a.status === "failed" ? { error: { code: a.errorCode ?? "failed", message: a.errorMessage ?? "The analysis failed." } } : {};
}

// Stored JSON is ours, but parse it anyway: a row written by an older version must not break a page.
const parseList = <T>(schema: z.ZodType<T>, value: unknown): T[] => {
  const parsed = z.array(schema).safeParse(value);
  return parsed.success ? parsed.data : [];
};

const statsSchema = z.object({ analysisMs: z.number(), peakRssBytes: z.number() });

function parseDetails(value: unknown): AnalysisDetails {
  const parsed = analysisDetailsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}

/** A stored JSON field that parses, under its key; nothing for older rows. */
function optional<K extends string, T>(k: K, parsed: { success: true; data: T } | { success: false }): Partial<Record<K, T>> {
  return parsed.success ? ({ [k]: parsed.data } as Record<K, T>) : {};
}

export function toSummary(a: Analysis): AnalysisSummary {
  return {
    id: a.id,
    status: a.status,
    createdAt: a.createdAt.toISOString(),
    url: analysisUrl(a.id),
    fileName: a.fileName,
    size: Number(a.size),
    host: a.host,
    version: a.version,
    counts: counts(a),
    ...errorOf(a),
    collectedAt: a.logStart,
    caseId: a.caseId,
  };
}

export function toResult(r: Result): SignatureResult {
  return {
    signatureId: r.signatureId,
    signatureVersion: r.signatureVersion,
    defects: r.defects,
    title: r.title,
    outcome: r.outcome,
    severity: r.severity as SignatureResult["severity"],
    description: r.description,
    condition: r.condition,
    furtherInformation: r.furtherInformation,
    action: r.action,
    affected: parseList(affectedSchema, r.affected),
    evidence: parseList(evidenceSchema, r.evidence),
    references: parseList(referenceSchema, r.references),
    ...(Array.isArray(r.related) && r.related.length > 0 ? { related: parseList(relatedCheckSchema, r.related) } : {}),
    ...(r.partOf ? { partOf: r.partOf } : {}),
  };
}

export function toView(a: Analysis & { results: Result[] }): AnalysisView {
  return {
    id: a.id,
    status: a.status,
    ...errorOf(a),
    createdAt: a.createdAt.toISOString(),
    // A queued row changes only when it is queued (upload, re-analysis, a retry), so its last update is when.
    queuedAt: a.status === "queued" ? a.updatedAt.toISOString() : null,
    startedAt: a.startedAt?.toISOString() ?? null,
    finishedAt: a.finishedAt?.toISOString() ?? null,
    url: analysisUrl(a.id),
    catalogVersion: a.catalogVersion,
    bundle: {
      fileName: a.fileName,
      size: Number(a.size),
      host: a.host,
      product: a.product,
      version: a.version,
      files: parseList(bundleFileSchema, a.files),
      timeRange: a.logStart && a.logEnd ? { start: a.logStart, end: a.logEnd } : null,
      notes: parseList(z.string(), a.notes),
      lineCount: a.lineCount,
      ...optional("identity", productIdentitySchema.safeParse(a.identity)),
      ...optional("reading", readingSchema.safeParse(a.reading)),
      ...optional("partial", bundlePartialSchema.safeParse(a.partial)),
    },
    counts: counts(a),
    results: a.results.map(toResult),
    details: parseDetails(a.details),
    stats: statsSchema.nullable().catch(null).parse(a.stats ?? null),
    previous: previousOf(a),
    caseId: a.caseId,
    peerFolder: a.peerFolder,
  };
}

function previousOf(a: Analysis): PreviousRun | null {
  if (a.previousOutcomes == null) return null;
  return { catalogVersion: a.previousCatalogVersion, outcomes: parseList(previousOutcomeSchema, a.previousOutcomes) };
}
