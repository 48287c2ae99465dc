// A few lines around each evidence line, so a card can show what the log said just before and
// after it. Bounded: a small ring of the latest lines of the current file, and "after" lines are
// only filled for contexts handed out (i.e. for lines that became evidence).
import type { EvidenceContext } from "@/lib/analysis/types";

const RING = 16;
const BEFORE = 2;
const AFTER = 2;
/** context lines are for orientation, not the full record */
const MAX_TEXT = 400;

type Pending = { ctx: EvidenceContext; line: number };

export class LineContext {
  private readonly lines = new Array<string | undefined>(RING);
  private readonly numbers = new Int32Array(RING);
  private next = 0;
  private file: string | null = null;
  private pending: Pending[] = [];

  startFile(file: string): void {
    this.file = file;
    this.lines.fill(undefined);
    this.numbers.fill(0);
    this.next = 0;
    this.pending = [];
  }

  push(text: string, lineNo: number): void {
    const i = this.next;
    this.lines[i] = text;
    this.numbers[i] = lineNo;
    this.next = (i + 1) % RING;
    if (this.pending.length > 0) {
      for (const p of this.pending) {
        if (lineNo > p.line && lineNo <= p.line + AFTER) p.ctx.after.push({ line: lineNo, text: clip(text) });
      }
      this.pending = this.pending.filter((p) => lineNo < p.line + AFTER);
    }
  }

  /** The lines around `lineNo` of the current file, as far as they are known now; later ones are added as they arrive. */
  capture(file: string, lineNo: number): EvidenceContext | undefined {
    if (file !== this.file) return undefined;
    const ctx: EvidenceContext = { before: [], after: [] };
    const seen: { line: number; text: string }[] = [];
    for (let k = 0; k < RING; k++) {
      const text = this.lines[k];
      if (text === undefined) continue;
      seen.push({ line: this.numbers[k], text });
    }
    seen.sort((a, b) => a.line - b.line);
    let lastAfter = lineNo;
    for (const s of seen) {
      if (s.line >= lineNo - BEFORE && s.line < lineNo) ctx.before.push({ line: s.line, text: clip(s.text) });
      else if (s.line > lineNo && s.line <= lineNo + AFTER) {
        ctx.after.push({ line: s.line, text: clip(s.text) });
        lastAfter = s.line;
      }
    }
    if (lastAfter < lineNo + AFTER && this.pending.length < 1000) this.pending.push({ ctx, line: lineNo });
    return ctx;
  }
}

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}
