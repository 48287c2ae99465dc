// Signature text: paragraphs, simple lists, and `backticked` commands rendered as <code> with a
// copy button. Everything is rendered as React text nodes; nothing is parsed as HTML.
import { splitInlineCode, splitParagraphs } from "@/lib/ui/inline-code";
import { CopyIconButton } from "./copy-button";

export function InlineText({ text, copyable = false }: { text: string; copyable?: boolean }) {
  return (
    <>
      {splitInlineCode(text).map((seg, i) =>
        seg.kind === "text" ? (
          <span key={i}>{seg.value}</span>
        ) : (
          <span key={i}>
            <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[0.85em] text-slate-900 ring-1 ring-slate-200 ring-inset [overflow-wrap:anywhere]">
              {seg.value}
            </code>
            {copyable && (
              <span className="ml-0.5 inline-block align-[-0.2em]">
                <CopyIconButton text={seg.value} label="Copy command" />
              </span>
            )}
          </span>
        ),
      )}
    </>
  );
}

const LIST_ITEM = /^\s*(?:[-*•]|\d+[.)])\s+/;

type Block = { kind: "p"; lines: string[] } | { kind: "list"; ordered: boolean; items: string[] };

/** Groups a paragraph's lines into prose and list runs ("Two causes:\n1. ...\n2. ..."). */
function toBlocks(paragraph: string): Block[] {
  const blocks: Block[] = [];
  for (const line of paragraph.split("\n")) {
    const last = blocks[blocks.length - 1];
    if (LIST_ITEM.test(line)) {
      const item = line.replace(LIST_ITEM, "");
      if (last?.kind === "list") last.items.push(item);
      else blocks.push({ kind: "list", ordered: /^\s*\d/.test(line), items: [item] });
    } else if (last?.kind === "list" && /^\s{2,}\S/.test(line)) {
      // indented continuation of a list item
      last.items[last.items.length - 1] += ` ${line.trim()}`;
    } else if (last?.kind === "p") {
      last.lines.push(line);
    } else {
      blocks.push({ kind: "p", lines: [line] });
    }
  }
  return blocks;
}

/** `copyable` adds a copy button after each code span (used for actions: commands to run). */
export function RichText({ text, className = "", copyable = false }: { text: string; className?: string; copyable?: boolean }) {
  const blocks = splitParagraphs(text).flatMap(toBlocks);
  if (blocks.length === 0) return null;
  return (
    // overflow-wrap:anywhere: signature text quotes cipher strings and URLs with no space to break at;
    // on a phone they must wrap inside the card rather than push it wider.
    <div className={`space-y-2.5 text-sm leading-relaxed text-slate-700 [overflow-wrap:anywhere] ${className}`}>
      {blocks.map((b, i) => {
        if (b.kind === "list") {
          const ListTag = b.ordered ? "ol" : "ul";
          return (
            <ListTag key={i} className={`space-y-1.5 pl-5 ${b.ordered ? "list-decimal" : "list-disc"} marker:text-slate-400`}>
              {b.items.map((item, j) => (
                <li key={j} className="pl-1">
                  <InlineText text={item} copyable={copyable} />
                </li>
              ))}
            </ListTag>
          );
        }
        return (
          <p key={i} className="whitespace-pre-line">
            <InlineText text={b.lines.join("\n")} copyable={copyable} />
          </p>
        );
      })}
    </div>
  );
}
