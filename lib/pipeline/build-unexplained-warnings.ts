// Facts + the catalog -> WARNING / ERROR templates no signature explains. A template is explained
// when its sample line contains a needle of any signature in the catalog.
import type { Facts } from "@/lib/facts/facts";
import type { UnexplainedWarningsDetail } from "@/lib/results/unexplained-warnings";
import type { Signature } from "@/lib/signatures/signature";

const MAX_TEMPLATES = 200;

export function buildUnexplainedWarnings(facts: Facts, signatures: readonly Signature[]): UnexplainedWarningsDetail | undefined {
  if (facts.logFiles.length === 0) return undefined;
  const needles = signatures.flatMap((s) => s.needles);
  const unexplained = facts.warnings.groups.filter((g) => !needles.some((n) => g.sample.text.indexOf(n) !== -1));
  unexplained.sort((a, b) => b.count - a.count || a.template.localeCompare(b.template));
  return {
    totalLines: facts.warnings.totalLines,
    unexplainedLines: unexplained.reduce((n, g) => n + g.count, 0) + facts.warnings.droppedLines,
    templates: unexplained.slice(0, MAX_TEMPLATES),
    truncated: facts.warnings.truncated || unexplained.length > MAX_TEMPLATES,
  };
}
