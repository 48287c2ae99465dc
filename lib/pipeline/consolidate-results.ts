// From one result per signature to the cards an engineer reads: one root cause, one card. Checks
// that touch the same evidence as an earlier issue card are folded into it (as related checks, or
// contributing factors when they bring evidence of their own); checks missing the same input are
// asked for once; a check for the other side of the edge (Expressway-C / -E) says so instead of
// asking for logs it could never find in this bundle.
import type { ProductIdentity } from "@/lib/facts/product-identity";
import { signatureSideMatches } from "@/lib/facts/product-identity";
import type { Evidence, RelatedCheck, SignatureResult } from "@/lib/results/types";
import type { Signature } from "@/lib/signatures/signature";

export function consolidateResults(results: SignatureResult[], signatures: readonly Signature[], identity: ProductIdentity): SignatureResult[] {
  const sided = results.map((r) => {
    const sig = signatures.find((s) => s.id === r.signatureId);
    return sig ? applyProductSide(r, sig, identity) : r;
  });
  return foldMissingInputs(foldSharedEvidence(sided));
}

/**
 * A check for the other side answers `not_applicable` instead of `missing` / `ok`; what it found
 * (issue, potential) stands, since a wrongly detected side must not hide a finding.
 */
export function applyProductSide(r: SignatureResult, sig: Signature, identity: ProductIdentity): SignatureResult {
  if (r.outcome !== "missing" && r.outcome !== "ok") return r;
  if (signatureSideMatches(sig.products, identity) !== false) return r;
  const how = identity.decidedBy.length > 0 ? ` (decided from ${identity.decidedBy.join(", ")})` : "";
  return {
    ...r,
    outcome: "not_applicable",
    severity: "info",
    description: `This check is about ${sig.products.join(" and ")}; this bundle comes from ${article(identity.name)}${how}.`,
    condition: `The bundle is from ${article(identity.name)}.`,
    furtherInformation: "Upload the bundle of the other side of the edge to have it checked there.",
    action: "No action needed on this box.",
    affected: [],
    evidence: identity.evidence.slice(0, 3).map((s) => ({ file: s.file, line: s.line, text: s.text })),
  };
}

function article(name: string | null): string {
  return name === null ? "another product" : /^[AEIOU]/.test(name) ? `an ${name}` : `a ${name}`;
}

const key = (e: Pick<Evidence, "file" | "line">) => `${e.file}\u0000${e.line}`;

/**
 * Each evidence line belongs to one issue card: an issue or potential result sharing a line with
 * an earlier issue card (catalog order is the order of priority) is folded into that card.
 */
export function foldSharedEvidence(results: SignatureResult[]): SignatureResult[] {
  const out = results.map((r) => ({ ...r }));
  const cards: { index: number; keys: Set<string> }[] = [];
  for (let i = 0; i < out.length; i++) {
    const r = out[i];
    if (r.outcome !== "issue" && r.outcome !== "potential") continue;
    const keys = new Set(r.evidence.map(key));
    const card = keys.size > 0 ? cards.find((c) => [...keys].some((k) => c.keys.has(k))) : undefined;
    if (card === undefined) {
      if (r.outcome === "issue") cards.push({ index: i, keys });
      continue;
    }
    const primary = out[card.index];
    // Its lines the card holds are the card's; it keeps its own (a config line, a certificate).
    const ownEvidence = r.evidence.filter((e) => !card.keys.has(key(e)));
    const own = ownEvidence.length > 0;
    const related: RelatedCheck = {
      signatureId: r.signatureId,
      title: r.title,
      relation: own ? "contributing_factor" : "related_check",
      outcome: r.outcome,
      summary: r.description,
    };
    primary.related = [...(primary.related ?? []), related];
    for (const k of keys) card.keys.add(k);
    // No issue of its own: shown inside the card.
    out[i] = { ...r, outcome: "potential", partOf: primary.signatureId, evidence: ownEvidence };
  }
  return out;
}

/** Checks that miss the same input (the same condition) are one request, naming all they would enable. */
export function foldMissingInputs(results: SignatureResult[]): SignatureResult[] {
  const out = results.map((r) => ({ ...r }));
  const first = new Map<string, number>();
  for (let i = 0; i < out.length; i++) {
    const r = out[i];
    if (r.outcome !== "missing" || r.partOf) continue;
    const k = r.condition.trim();
    const at = first.get(k);
    if (at === undefined) {
      first.set(k, i);
      continue;
    }
    const primary = out[at];
    primary.related = [...(primary.related ?? []), { signatureId: r.signatureId, title: r.title, relation: "same_missing_input", outcome: "missing", summary: r.description }];
    out[i] = { ...r, partOf: primary.signatureId };
  }
  for (const at of first.values()) {
    const primary = out[at];
    const also = (primary.related ?? []).filter((x) => x.relation === "same_missing_input");
    if (also.length === 0) continue;
    primary.description = `${primary.description}\n\nThe same input would also enable: ${also.map((x) => x.title).join("; ")}.`;
  }
  return out;
}

/** The results shown as cards of their own (folded checks are shown inside their card). */
export function cardResults(results: readonly SignatureResult[]): SignatureResult[] {
  return results.filter((r) => !r.partOf);
}
