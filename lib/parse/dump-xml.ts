// The `.xml` flavour of xconf/xstat dumps, read line by line with a tiny tag stack: enough
// to get leaf values by path (`EdgeConfigServer/VerifyOriginServer`), not a general XML parser.
// Status documents carry state in attributes too (`<NTP item="1" status="Active">`, TANDBERG's
// API guide D14172.01, Example 1.3): with `attributes`, each becomes a leaf of its element.

export type XmlLeaf = { path: string[]; value: string };

const TOKEN_RE = /<(\/?)([A-Za-z_][\w.:-]*)([^>]*?)(\/?)>|<[?!][^>]*>|([^<]+)/g;
const ITEM_RE = /\bitem="([^"]*)"/;
const ATTR_RE = /([A-Za-z_][\w.:-]*)\s*=\s*"([^"]*)"/g;
/** attributes that describe the document, not the system's state */
const NOT_STATE = /^(item|xmlns(:.*)?|valueSpaceRef|maxOccurrence)$/;

export class DumpXmlReader {
  private stack: string[] = [];
  private text = "";
  private leafCandidate = false;

  constructor(
    private readonly onLeaf: (leaf: XmlLeaf, lineNo: number) => void,
    private readonly options: { attributes?: boolean } = {},
  ) {}

  push(line: string, lineNo: number): void {
    TOKEN_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = TOKEN_RE.exec(line)) !== null) {
      if (m[5] !== undefined) {
        if (this.leafCandidate) this.text += m[5];
        continue;
      }
      if (m[2] === undefined) continue; // <?xml ...?>, comments
      if (m[1] === "/") {
        if (this.leafCandidate && this.stack.length > 0) {
          this.onLeaf({ path: [...this.stack], value: decodeEntities(this.text.trim()) }, lineNo);
        }
        this.stack.pop();
        this.leafCandidate = false;
        this.text = "";
        continue;
      }
      const item = ITEM_RE.exec(m[3]);
      const name = item ? `${m[2]} ${item[1]}` : m[2];
      if (this.options.attributes && m[3].indexOf("=") !== -1) this.attributeLeaves(name, m[3], lineNo);
      if (m[4] === "/") continue; // empty element
      this.stack.push(name);
      this.leafCandidate = true;
      this.text = "";
    }
  }

  private attributeLeaves(element: string, attrs: string, lineNo: number): void {
    ATTR_RE.lastIndex = 0;
    let a: RegExpExecArray | null;
    while ((a = ATTR_RE.exec(attrs)) !== null) {
      if (!NOT_STATE.test(a[1])) this.onLeaf({ path: [...this.stack, element, a[1]], value: decodeEntities(a[2]) }, lineNo);
    }
  }
}

function decodeEntities(s: string): string {
  if (s.indexOf("&") === -1) return s;
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)))
    .replace(/&amp;/g, "&");
}
