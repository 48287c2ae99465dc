// Splits signature text on `backticks` so commands and UI paths can render as <code> with a copy
// button. Returns plain segments; React renders them as text, never as HTML.

export type InlineSegment = { kind: "text" | "code"; value: string };

export function splitInlineCode(text: string): InlineSegment[] {
  const out: InlineSegment[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("`", i);
    if (open < 0) break;
    const close = text.indexOf("`", open + 1);
    // an unmatched backtick is just a character
    if (close < 0) break;
    if (close === open + 1) {
      push(out, "text", text.slice(i, close + 1));
      i = close + 1;
      continue;
    }
    push(out, "text", text.slice(i, open));
    out.push({ kind: "code", value: text.slice(open + 1, close) });
    i = close + 1;
  }
  push(out, "text", text.slice(i));
  return out;
}

function push(out: InlineSegment[], kind: "text", value: string): void {
  if (!value) return;
  const last = out[out.length - 1];
  if (last && last.kind === "text") last.value += value;
  else out.push({ kind, value });
}

/** Paragraphs separated by blank lines; single newlines are kept inside a paragraph. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
