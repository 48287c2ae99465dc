// The shapes an analysis produces, validated with zod at the boundaries (worker -> DB, DB -> API).
// These are a public contract: GET /api/analyses/:id returns them. Extend, never rename.
import { z } from "zod";
import { bundleFileSchema } from "@/lib/bundle/bundle-file";
import { presentedCertificateSchema, tlsDetailsSchema } from "@/lib/results/tls";
import { mraRequestsDetailSchema } from "@/lib/results/mra-requests";
import { unexplainedWarningsDetailSchema } from "@/lib/results/unexplained-warnings";
import { callsOutputSchema, sipDetailSchema } from "@/lib/results/calls";
import { coverageDetailSchema } from "@/lib/results/coverage";

export const OUTCOMES = ["issue", "potential", "missing", "not_applicable", "ok"] as const;
export const outcomeSchema = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof outcomeSchema>;

/** CSA's tab names, in CSA's order. */
export const OUTCOME_LABELS: Record<Outcome, string> = {
  issue: "Issues found",
  potential: "Potential problem",
  missing: "Missing information",
  not_applicable: "Not applicable",
  ok: "No issue",
};

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

export const affectedSchema = z.object({
  host: z.string().nullable(),
  ip: z.string().nullable(),
  port: z.number().int().nullable(),
  /** e.g. "UDS / Tomcat (8443)", "TFTP (6972)", "Unity Connection (443)" */
  service: z.string().nullable(),
  /** why this entity is listed, e.g. "self signed certificate (depth 0)" */
  reason: z.string(),
  count: z.number().int().nonnegative(),
  /** ISO-8601 timestamps as written in the log (with offset) */
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
  /** the certificate the node presented on that port, read from a packet capture in the bundle */
  certificate: presentedCertificateSchema.optional(),
  /** the Expressway peer(s) whose logs show it, when the bundle holds several (cluster) */
  peers: z.array(z.string()).optional(),
  /** the calls it names (the call engine's ids, a few), each opening its ladder on the overview (`?call=<id>#calls`) */
  calls: z.array(z.string()).optional(),
});
export type Affected = z.infer<typeof affectedSchema>;

export const evidenceSchema = z.object({
  /** path of the file inside the bundle */
  file: z.string(),
  /** 1-based line number in that file */
  line: z.number().int().positive(),
  /** the log line itself, as text (never render as HTML) */
  text: z.string(),
  /** how many lines identical but for their timestamp were folded into this one */
  count: z.number().int().positive().optional(),
  /** a few lines before and after, as written (bounded; only for lines that became evidence) */
  context: z
    .object({
      before: z.array(z.object({ line: z.number().int().positive(), text: z.string() })),
      after: z.array(z.object({ line: z.number().int().positive(), text: z.string() })),
    })
    .optional(),
});
export type Evidence = z.infer<typeof evidenceSchema>;
export type EvidenceContext = NonNullable<Evidence["context"]>;

export const referenceSchema = z.object({ title: z.string(), url: z.string().url() });

/** How a check folded into a card relates to the card's diagnosis. */
export const RELATIONS = ["related_check", "contributing_factor", "same_missing_input"] as const;

/** A check shown inside another card instead of as a card of its own (one root cause, one card). */
export const relatedCheckSchema = z.object({
  signatureId: z.string(),
  title: z.string(),
  relation: z.enum(RELATIONS),
  /** what the folded check concluded on its own */
  outcome: outcomeSchema,
  /** its description, for the card to show */
  summary: z.string(),
});
export type RelatedCheck = z.infer<typeof relatedCheckSchema>;

export const signatureResultSchema = z.object({
  signatureId: z.string(),
  signatureVersion: z.number().int().positive(),
  defects: z.array(z.string()),
  title: z.string(),
  outcome: outcomeSchema,
  severity: severitySchema,
  /** plain text; may contain `backticked` commands / UI paths */
  description: z.string(),
  condition: z.string(),
  furtherInformation: z.string(),
  action: z.string(),
  affected: z.array(affectedSchema),
  evidence: z.array(evidenceSchema),
  references: z.array(referenceSchema).default([]),
  /** the checks folded into this card: they touch the same evidence, or miss the same input */
  related: z.array(relatedCheckSchema).optional(),
  /** set on a folded check: the signatureId of the card that shows it (it is no card of its own) */
  partOf: z.string().optional(),
});
export type SignatureResult = z.infer<typeof signatureResultSchema>;

/** Which box wrote the bundle, and from what that was decided. */
export const productIdentitySchema = z.object({
  name: z.enum(["Expressway-C", "Expressway-E", "VCS Control", "VCS Expressway"]).nullable(),
  series: z.enum(["Expressway", "VCS"]).nullable(),
  role: z.enum(["control", "edge"]).nullable(),
  decidedBy: z.array(z.string()),
});
export type ProductIdentityView = z.infer<typeof productIdentitySchema>;

/** What the reader understood of one log file. */
export const readingFileSchema = z.object({
  file: z.string(),
  /** every line of the file */
  lines: z.number().int().nonnegative(),
  /** timestamped lines per line family (the logging process; "no process token" for lines without one) */
  families: z.array(z.object({ name: z.string(), lines: z.number().int().nonnegative() })),
  /** lines inside SIPMSG / HTTPMSG message blocks */
  messageLines: z.number().int().nonnegative(),
  blankLines: z.number().int().nonnegative(),
  /** lines skipped for their length */
  longLines: z.number().int().nonnegative(),
  /** lines that matched no family: neither a readable timestamped line nor part of a message */
  notUnderstood: z.number().int().nonnegative(),
  /** a few of them, masked like the unexplained warnings' templates */
  samples: z.array(z.object({ line: z.number().int().positive(), template: z.string() })),
});

export const readingSchema = z.object({
  files: z.array(readingFileSchema),
  notUnderstood: z.number().int().nonnegative(),
});
export type Reading = z.infer<typeof readingSchema>;

/** The archive ended early: the results cover what was read up to these offsets. */
export const bundlePartialSchema = z.object({ reason: z.string(), uploadOffset: z.number().int().nonnegative(), archiveOffset: z.number().int().nonnegative() });

/** What the pipeline learned about the bundle itself. */
export const bundleFactsSchema = z.object({
  host: z.string().nullable(),
  product: z.string().nullable(),
  version: z.string().nullable(),
  files: z.array(bundleFileSchema),
  timeRange: z.object({ start: z.string(), end: z.string() }).nullable(),
  /** things the reader skipped or could not read, said plainly (never customer content beyond names) */
  notes: z.array(z.string()),
  lineCount: z.number().int().nonnegative(),
  /** Expressway-C / -E or VCS (absent on analyses made before it was detected) */
  identity: productIdentitySchema.optional(),
  /** what the reader understood per log file (absent on older analyses) */
  reading: readingSchema.optional(),
  /** the archive ended early: the results cover what was read up to these offsets */
  partial: bundlePartialSchema.optional(),
});
export type BundleFacts = z.infer<typeof bundleFactsSchema>;

/**
 * Views beyond the cards, each an optional key owned by the module that builds it (the schema lives
 * there and is added here). Stored as one JSON document per analysis.
 */
export const analysisDetailsSchema = z.object({
  /** TLS sessions and certificates read from the bundle's packet captures and trust store */
  tls: tlsDetailsSchema.optional(),
  mraRequests: mraRequestsDetailSchema.optional(),
  unexplainedWarnings: unexplainedWarningsDetailSchema.optional(),
  /** counts of the SIP calls and registrations (the lists: GET /api/analyses/:id/calls, /registrations) */
  sip: sipDetailSchema.optional(),
  /** what the bundle allowed the analysis to check, and what not */
  coverage: coverageDetailSchema.optional(),
});
export type AnalysisDetails = z.infer<typeof analysisDetailsSchema>;

export const analysisOutputSchema = z.object({
  catalogVersion: z.string(),
  bundle: bundleFactsSchema,
  results: z.array(signatureResultSchema),
  details: analysisDetailsSchema.default({}),
  /** every call and registration found, stored in their own tables (not part of GET /api/analyses/:id) */
  calls: callsOutputSchema.optional(),
});
export type AnalysisOutput = z.infer<typeof analysisOutputSchema>;

export const STATUSES = ["queued", "running", "done", "failed"] as const;
export const statusSchema = z.enum(STATUSES);
export type AnalysisStatus = z.infer<typeof statusSchema>;

/** GET /api/analyses/:id */
export type AnalysisView = {
  id: string;
  status: AnalysisStatus;
  error?: { code: string; message: string };
  createdAt: string;
  /** while queued: when this run was queued (the upload, or the re-analysis request); else null */
  queuedAt?: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  url: string;
  catalogVersion: string | null;
  bundle: BundleFacts & { fileName: string; size: number };
  counts: Record<Outcome, number>;
  results: SignatureResult[];
  details: AnalysisDetails;
  /** what the analyzer process measured (null until done) */
  stats: { analysisMs: number; peakRssBytes: number } | null;
  /** outcomes before the last re-analysis (null if never re-analysed) */
  previous?: PreviousRun | null;
  /** the case this analysis belongs to, if any */
  caseId?: string | null;
  /** the peer folder of the uploaded archive this analysis read (an archive holding one folder per peer, split into a case) */
  peerFolder?: string | null;
};

export const previousOutcomeSchema = z.object({
  signatureId: z.string(),
  signatureVersion: z.number().int().positive(),
  outcome: outcomeSchema,
  title: z.string().optional(),
});
export type PreviousOutcome = z.infer<typeof previousOutcomeSchema>;
export type PreviousRun = { catalogVersion: string | null; outcomes: PreviousOutcome[] };

/** Which finding a history search matched (only with `q`, and only when a finding matched). */
export type SearchMatch = {
  signatureId: string;
  title: string;
  outcome: Outcome;
  defects: string[];
  /** what matched: a defect ID, an affected node's host or IP, a reason naming a user (or another), the signature */
  field: "defect" | "host" | "ip" | "user" | "reason" | "signature";
  /** the matched value as the finding has it */
  text: string;
};

/** one row of GET /api/analyses */
export type AnalysisSummary = {
  id: string;
  status: AnalysisStatus;
  createdAt: string;
  url: string;
  fileName: string;
  size: number;
  host: string | null;
  version: string | null;
  counts: Record<Outcome, number>;
  error?: { code: string; message: string };
  /** the bundle's own collection time: its first log line (null until analysed, or when the log has none) */
  collectedAt?: string | null;
  /** the case the analysis was uploaded in, if any */
  caseId?: string | null;
  /** with a search (`q`): the finding it matched, when it was one of the analysis's findings */
  match?: SearchMatch;
};

export type AnalysisPage = {
  items: AnalysisSummary[];
  page: number;
  pageSize: number;
  total: number;
};
