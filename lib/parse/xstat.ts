// `xstat_dump` text: indented `*s` blocks, e.g.
//   *s SystemUnit: /
//       Software: /
//         Version: "X14.2.0"
// A reader turns them into flat `SystemUnit/Software/Version = X14.2.0` entries.
import { unquote } from "@/lib/parse/xconf";

export type XstatEntry = {
  /** path segments joined with "/", e.g. "SystemUnit/Software/Version" */
  path: string;
  value: string;
};

type Frame = { indent: number; path: string[] };

export class XstatReader {
  private stack: Frame[] = [];

  constructor(private readonly onEntry: (entry: XstatEntry, lineNo: number) => void) {}

  push(line: string, lineNo: number): void {
    let indent = 0;
    while (indent < line.length && (line.charCodeAt(indent) === 32 || line.charCodeAt(indent) === 9)) indent++;
    let rest = line.slice(indent);
    if (rest.startsWith("*s ")) {
      this.stack = [];
      rest = rest.slice(3);
      indent = -1;
    } else if (indent === 0 || this.stack.length === 0) {
      return; // junk, `** end`, `OK`, or a line outside any block
    }
    const sep = rest.indexOf(":");
    if (sep <= 0) return;
    const names = rest.slice(0, sep).trim().split(/\s+/);
    const raw = rest.slice(sep + 1).trim();
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].indent >= indent) this.stack.pop();
    const parent = this.stack.length > 0 ? this.stack[this.stack.length - 1].path : [];
    const path = [...parent, ...names];
    if (raw === "/" || raw === "") {
      this.stack.push({ indent, path });
      return;
    }
    this.onEntry({ path: path.join("/"), value: unquote(raw) }, lineNo);
  }
}
