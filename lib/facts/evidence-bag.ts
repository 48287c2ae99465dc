// Collects evidence lines, folding lines identical but for their timestamps into one with a
// count, and capping how many distinct lines are kept.
import type { Evidence } from "@/lib/analysis/types";
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

  add(file: string, line: number, text: string): void {
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
    this.byKey.set(key, { file, line, text, count: 1 });
  }

  get size(): number {
    return this.byKey.size;
  }

  /** In file, then line order. */
  list(): Evidence[] {
    return [...this.byKey.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  }
}
