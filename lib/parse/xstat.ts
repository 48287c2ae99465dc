// `xstat_dump` text (the XACLI status format): `*s` blocks indented two spaces a level, each
// top element closed by `*s/end`, e.g.
//   *s NTP (status=Active):
//     Address: "10.0.0.2"
//   *s/end
// A reader turns them into flat `NTP/status = Active`, `NTP/Address = 10.0.0.2` entries. Attributes
// in parentheses (`Zone 1 (status=Failed):`, `Alias 1 (type=H323Id, origin=Endpoint): "..."`) are
// the XML form's element attributes and become leaves of their element. The `.xml` flavour of the
// dump is read by lib/parse/dump-xml.ts; `xmlStatusPath` gives its leaves the same paths.
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
    if (rest.startsWith("*s/end")) {
      this.stack = []; // the top element is closed: what follows belongs to no block
      return;
    }
    if (rest.startsWith("*s ")) {
      this.stack = [];
      rest = rest.slice(3);
      indent = -1;
    } else if (indent === 0 || this.stack.length === 0) {
      return; // junk, `** end`, `OK`, or a line outside any block
    }
    const sep = nameEnd(rest);
    if (sep <= 0) return;
    let name = rest.slice(0, sep).trim();
    let attributes: [string, string][] = [];
    const open = name.endsWith(")") ? name.indexOf("(") : -1;
    if (open > 0) {
      attributes = parseAttributes(name.slice(open + 1, -1));
      name = name.slice(0, open).trim();
    }
    const names = name.split(/\s+/);
    const raw = rest.slice(sep + 1).trim();
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].indent >= indent) this.stack.pop();
    const parent = this.stack.length > 0 ? this.stack[this.stack.length - 1].path : [];
    const path = [...parent, ...names];
    for (const [key, value] of attributes) this.onEntry({ path: [...path, key].join("/"), value }, lineNo);
    if (raw === "/" || raw === "") {
      this.stack.push({ indent, path });
      return;
    }
    this.onEntry({ path: path.join("/"), value: unquote(raw) }, lineNo);
  }
}

/** Index of the `:` that ends the name: the first one outside the attributes' parentheses and quotes. */
function nameEnd(s: string): number {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 40) depth++;
    else if (c === 41) depth = Math.max(0, depth - 1);
    else if (c === 58 && depth === 0) return i;
  }
  return -1;
}

/** `type=H323Id, origin=Endpoint` -> [["type", "H323Id"], ["origin", "Endpoint"]] */
function parseAttributes(s: string): [string, string][] {
  const out: [string, string][] = [];
  for (const m of s.matchAll(/([A-Za-z_][\w.-]*)\s*=\s*("(?:[^"\\]|\\.)*"|[^,]*)/g)) out.push([m[1], unquote(m[2].trim())]);
  return out;
}

/** Elements the status dump numbers even when there is one of them (the collectors group by instance). */
const NUMBERED = new Set(["Alarm", "Warning", "Zone", "Option"]);

/**
 * The text dump's path for a leaf of the `.xml` dump (root left out). The XML gives every element an
 * `item` number (`<SystemUnit item="1"><Uptime item="1">`), the text shows it only where an element
 * can repeat (`SystemUnit/Uptime`, but `Zones/Zone/1/Name`): item 1 is kept for an element listed in
 * a plural parent (`Zones` > `Zone`, `Aliases` > `Alias`) or known to repeat, any other item always.
 */
export function xmlStatusPath(segments: readonly string[]): string {
  const out: string[] = [];
  let parent: string | null = null;
  for (const seg of segments) {
    const sp = seg.indexOf(" ");
    const name = sp === -1 ? seg : seg.slice(0, sp);
    const item = sp === -1 ? null : seg.slice(sp + 1);
    out.push(name);
    if (item !== null && (item !== "1" || NUMBERED.has(name) || parent === `${name}s` || parent === `${name}es`)) out.push(item);
    parent = name;
  }
  return out.join("/");
}
