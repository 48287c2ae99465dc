// The kernel's out-of-memory killer in the log: `<comm> invoked oom-killer: gfp_mask=...` and
// `Out of memory: Killed process <pid> (<comm>) ...` (older kernels: `Out of memory: Kill process
// <pid> (<comm>) score <n> or sacrifice child`), as Linux's mm/oom_kill.c prints them. Only the
// `kernel` process family is subscribed to, so the hot loop pays nothing for it.
import type { LogEntry } from "@/lib/parse/log-reader";
import type { EntrySubscriber } from "@/lib/scan/subscriber";

type SourceRef = { file: string; line: number; text: string };

export type OomEvent = {
  /** "invoked": the allocation that started the killer; "killed": the process it killed */
  kind: "invoked" | "killed";
  /** the process name (comm) that invoked the killer or was killed */
  process: string | null;
  timestamp: string | null;
  peer: string | null;
  source: SourceRef;
};

export type KernelMemoryFacts = {
  /** lines of the kernel process read */
  kernelLines: number;
  /** the first OOM lines */
  oom: OomEvent[];
  /** all OOM lines, kept or not */
  oomCount: number;
};

const MAX_KEPT = 200;
const INVOKED_RE = /(\S+) invoked oom-killer:/;
const KILLED_RE = /Out of memory(?: \([^)]*\))?: Kill(?:ed)? process \d+ \(([^)]*)\)/i;

export class KernelMemoryCollector implements EntrySubscriber {
  readonly name = "kernel memory";
  readonly reader = { maxBlockLines: 0, keepBlock: () => false };
  private kernelLines = 0;
  private oomCount = 0;
  private readonly oom: OomEvent[] = [];

  wantsProcess(process: string): boolean {
    return process === "kernel";
  }

  onEntry(file: string, entry: LogEntry): void {
    this.kernelLines++;
    const { text, prefix } = entry;
    const body = text.slice(prefix.messageStart);
    let kind: OomEvent["kind"] | null = null;
    let process: string | null = null;
    const invoked = body.indexOf("invoked oom-killer") !== -1 ? INVOKED_RE.exec(body) : null;
    if (invoked) {
      kind = "invoked";
      process = invoked[1];
    } else if (/out of memory/i.test(body)) {
      const killed = KILLED_RE.exec(body);
      kind = "killed";
      process = killed?.[1] ?? null;
    }
    if (kind === null) return;
    this.oomCount++;
    if (this.oom.length < MAX_KEPT) this.oom.push({ kind, process, timestamp: prefix.timestamp, peer: prefix.host || null, source: { file, line: entry.line, text } });
  }

  finish(): KernelMemoryFacts {
    return { kernelLines: this.kernelLines, oom: this.oom, oomCount: this.oomCount };
  }
}
