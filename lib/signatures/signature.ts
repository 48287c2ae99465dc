// What a signature is: metadata (validated with zod when defined) plus a rule that reads
// facts and returns an outcome with texts, affected entities and evidence. A signature declares
// the facts it reads (`reads`) and those it cannot do without (`requires`): its rule sees only
// those, and the framework, not the rule, answers "missing" when a required one is absent.
import { z } from "zod";
import {
  type Affected,
  type Evidence,
  type Outcome,
  type Severity,
  type SignatureResult,
  outcomeSchema,
  referenceSchema,
  severitySchema,
  signatureResultSchema,
} from "@/lib/results/types";
import type { Facts } from "@/lib/facts/facts";
import { FACT_KEYS, type FactKey, factInput } from "@/lib/facts/fact-inputs";

export const CATEGORIES = ["defect", "misconfiguration", "informational"] as const;
export const PRODUCTS = ["Expressway-C", "Expressway-E"] as const;

/** Software versions a signature applies to: from (inclusive) / below (exclusive), "X14.2.0" style; null = open. */
export const appliesToSchema = z.object({
  from: z.string().regex(/^X\d+\.\d+(?:\.\d+)?$/).nullable().default(null),
  below: z.string().regex(/^X\d+\.\d+(?:\.\d+)?$/).nullable().default(null),
});

export const signatureMetaSchema = z.object({
  /** kebab-case, stable: results are stored under it */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** bump when the rule or its texts change meaningfully */
  version: z.number().int().positive(),
  /** Cisco defect ids, e.g. CSCwc69661 */
  defects: z.array(z.string().regex(/^CSC[a-z]{2}\d{5}$/)),
  title: z.string().min(1),
  /** severity when the outcome is `issue` */
  severity: severitySchema,
  category: z.enum(CATEGORIES),
  /** what it is about, e.g. "MRA / certificates" */
  area: z.string().min(1),
  /** one or two sentences: what the rule checks */
  summary: z.string().min(1),
  /** the boxes whose bundles can show it */
  products: z.array(z.enum(PRODUCTS)).min(1),
  appliesTo: appliesToSchema.default({ from: null, below: null }),
  /** the facts the rule reads (documentation, and what "missing" talks about) */
  inputs: z.array(z.string().min(1)).min(1),
  /**
   * literal substrings of the log lines the rule explains: lines containing one are not
   * "unexplained warnings", and a fast path may skip lines that contain none
   */
  needles: z.array(z.string().min(1)).default([]),
  references: z.array(referenceSchema).default([]),
  /** the outcomes the rule can give (besides `missing` on an internal error), shown in the catalog */
  outcomes: z.array(outcomeSchema).default([]),
});

export type SignatureMeta = z.infer<typeof signatureMetaSchema> & {
  /** the facts the rule reads: it is given these and nothing else */
  reads: readonly FactKey[];
  /** facts without which it cannot say anything: when one is absent the framework answers `missing` */
  requires: readonly FactKey[];
};

export type SignatureEvaluation = {
  outcome: Outcome;
  /** defaults: the signature's severity for `issue`, "medium" for `potential`, else "info" */
  severity?: Severity;
  description: string;
  condition: string;
  furtherInformation: string;
  action: string;
  affected?: Affected[];
  evidence?: Evidence[];
  /** added to the signature's own references */
  references?: { title: string; url: string }[];
};

export type Signature = SignatureMeta & {
  /** the rule; `facts` holds only the keys in reads and requires */
  evaluate(facts: Partial<Facts>): SignatureEvaluation;
};

/** The facts a rule is given: what it reads, with what it requires known to be present. */
export type FactsFor<R extends FactKey, Q extends FactKey> = Pick<Facts, R> & { [K in Q]-?: NonNullable<Facts[K]> };

export function defineSignature<R extends FactKey, Q extends FactKey = never>(
  meta: z.input<typeof signatureMetaSchema> & { reads: readonly R[]; requires?: readonly Q[] },
  evaluate: (facts: FactsFor<R, Q>) => SignatureEvaluation,
): Signature {
  const reads = [...new Set([...meta.reads, ...(meta.requires ?? [])])];
  for (const k of reads) if (!FACT_KEYS.includes(k)) throw new Error(`${meta.id}: reads unknown fact "${k}"`);
  return {
    ...signatureMetaSchema.parse(meta),
    reads,
    requires: [...(meta.requires ?? [])],
    evaluate: evaluate as (facts: Partial<Facts>) => SignatureEvaluation,
  };
}

/** The part of the facts a signature may see. */
function factsFor(sig: Signature, facts: Facts): Partial<Facts> {
  const seen: Partial<Record<FactKey, unknown>> = {};
  for (const k of sig.reads) seen[k] = facts[k];
  return seen as Partial<Facts>;
}

/** The framework's answer for a signature whose required fact is absent. */
function missingInput(sig: Signature, key: FactKey): SignatureEvaluation {
  const input = factInput(key);
  return {
    outcome: "missing",
    description: `This check needs ${input.what}, and the bundle has none, so it says nothing about this bundle.`,
    condition: `Not evaluated: missing ${input.what}.`,
    furtherInformation: input.why,
    action: input.howToGet,
  };
}

function defaultSeverity(sig: Signature, outcome: Outcome): Severity {
  if (outcome === "issue") return sig.severity;
  if (outcome === "potential") return "medium";
  return "info";
}

/** Runs one rule. A rule that throws is reported as "missing" rather than failing the analysis. */
export function runSignature(sig: Signature, facts: Facts): SignatureResult {
  let ev: SignatureEvaluation;
  const absent = sig.requires.find((k) => facts[k] === null || facts[k] === undefined);
  try {
    ev = absent !== undefined ? missingInput(sig, absent) : sig.evaluate(factsFor(sig, facts));
  } catch (err) {
    ev = {
      outcome: "missing",
      description: "This check could not be completed because of an internal error in the analyser, so it says nothing about this bundle.",
      condition: `The rule failed: ${err instanceof Error ? err.message : String(err)}`,
      furtherInformation: "Report this bundle to the portal's maintainers; other checks are unaffected.",
      action: "No action on the Expressway; the analyser needs fixing.",
    };
  }
  const references = [...sig.references];
  for (const r of ev.references ?? []) if (!references.some((x) => x.url === r.url)) references.push(r);
  return signatureResultSchema.parse({
    signatureId: sig.id,
    signatureVersion: sig.version,
    defects: sig.defects,
    title: sig.title,
    outcome: ev.outcome,
    severity: ev.severity ?? defaultSeverity(sig, ev.outcome),
    description: ev.description,
    condition: ev.condition,
    furtherInformation: ev.furtherInformation,
    action: ev.action,
    affected: ev.affected ?? [],
    evidence: ev.evidence ?? [],
    references,
  });
}

export function bugReference(defect: string): { title: string; url: string } {
  return { title: `Cisco bug ${defect}`, url: `https://bst.cloudapps.cisco.com/bugsearch/bug/${defect}` };
}
