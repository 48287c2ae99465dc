// A few lines around each evidence line, so a card can show what the log said just before and
// after it. Bounded: a small ring of the latest lines of the current file, and "after" lines are
// only filled for contexts handed out (i.e. for lines that became evidence). The ring holds
// positions in their chunk; a line becomes a string only when it ends up in a context.
import type { EvidenceContext } from "@/lib/results/types";
import type { TextChunk } from "@/lib/bundle/line-splitter";

const RING = 16;
const BEFORE = 2;
const AFTER = 2;
/** context lines are for orientation, not the full record */
const MAX_TEXT = 400;

type Pending = { ctx: EvidenceContext; line: number };

export class LineContext {
  private readonly sources = new Array<TextChunk | undefined>(RING);
  private readonly starts = new Int32Array(RING);
  private readonly ends = new Int32Array(RING);
  private readonly numbers = new Int32Array(RING);
  private next = 0;
  private file: string | null = null;
  private pending: Pending[] = [];

  startFile(file: string): void {
    this.file = file;
    this.sources.fill(undefined);
    this.numbers.fill(0);
    this.next = 0;
    this.pending = [];
  }

  /** The line [start, end) of `source`. */
  pushSpan(source: TextChunk, start: number, end: number, lineNo: number): void {
    const i = this.next;
    this.sources[i] = source;
    this.starts[i] = start;
    this.ends[i] = end;
    this.numbers[i] = lineNo;
    this.next = (i + 1) % RING;
    if (this.pending.length > 0) {
      const text = clip(source.line(start, end));
      for (const p of this.pending) {
        if (lineNo > p.line && lineNo <= p.line + AFTER) p.ctx.after.push({ line: lineNo, text });
      }
      this.pending = this.pending.filter((p) => lineNo < p.line + AFTER);
    }
  }

  /** The lines around `lineNo` of the current file, as far as they are known now; later ones are added as they arrive. */
  capture(file: string, lineNo: number): EvidenceContext | undefined {
    if (file !== this.file) return undefined;
    const ctx: EvidenceContext = { before: [], after: [] };
    const seen: { line: number; k: number }[] = [];
    for (let k = 0; k < RING; k++) {
      if (this.sources[k] === undefined) continue;
      seen.push({ line: this.numbers[k], k });
    }
    seen.sort((a, b) => a.line - b.line);
    let lastAfter = lineNo;
    for (const s of seen) {
      const inBefore = s.line >= lineNo - BEFORE && s.line < lineNo;
      const inAfter = s.line > lineNo && s.line <= lineNo + AFTER;
      if (!inBefore && !inAfter) continue;
      const text = clip(this.sources[s.k]!.line(this.starts[s.k], this.ends[s.k]));
      if (inBefore) ctx.before.push({ line: s.line, text });
      else {
        ctx.after.push({ line: s.line, text });
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
