// Collects evidence lines, folding lines identical but for their timestamps into one with a
// count, and capping how many distinct lines are kept.
import type { Evidence, EvidenceContext } from "@/lib/results/types";
import { startsWithTimestamp } from "@/lib/parse/syslog-prefix";

const UTC_RE = /UTCTime="[^"]*"/;

export function evidenceKey(text: string): string {
  let t = text;
  if (startsWithTimestamp(t)) {
    const sp = t.indexOf(" ");
    if (sp !== -1) t = t.slice(sp + 1);
  }
  return t.indexOf("UTCTime=") === -1 ? t : t.replace(UTC_RE, "");
}

export class EvidenceBag {
  private readonly byKey = new Map<string, Evidence>();
  /** distinct lines not kept because the cap was reached */
  dropped = 0;

  constructor(private readonly maxDistinct = 200) {}

  /** `context` is only called for a line kept as new evidence (folded repeats need none). */
  add(file: string, line: number, text: string, context?: () => EvidenceContext | undefined): void {
    const key = `${file}\u0000${evidenceKey(text)}`;
    const seen = this.byKey.get(key);
    if (seen) {
      seen.count = (seen.count ?? 1) + 1;
      return;
    }
    if (this.byKey.size >= this.maxDistinct) {
      this.dropped++;
      return;
    }
    const ctx = context?.();
    this.byKey.set(key, ctx ? { file, line, text, count: 1, context: ctx } : { file, line, text, count: 1 });
  }

  get size(): number {
    return this.byKey.size;
  }

  /** In file, then line order. */
  list(): Evidence[] {
    return [...this.byKey.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  }
}
