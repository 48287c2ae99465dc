// What the scan offers the collectors: needles (literal substrings that mark a line for a look) and
// subscriptions to line families. A family is a process (`traffic_server`, `tvcs`) or a module
// (`Module="network.sip"`): the scan reads both by position on every stamped line, so a family nobody
// subscribes to costs nothing beyond that, and a subscriber never sees the lines of other families.
import type { LogEntry, LogReaderOptions } from "@/lib/parse/log-reader";

export interface EntrySubscriber {
  /** a short name, for reports on what was read */
  readonly name: string;
  /** whether a process's entries go to it; asked once per distinct process name of a file */
  wantsProcess?(process: string): boolean;
  /** whether a module's entries go to it; asked once per distinct Module="..." value of a file */
  wantsModule?(module: string): boolean;
  /** how its entries' message blocks are kept (which blocks, how many lines) */
  readonly reader?: LogReaderOptions;
  /** one timestamped line of a wanted family with the message block that follows it */
  onEntry(file: string, entry: LogEntry): void;
  /**
   * When given: an entry the scan recognised as a SIP OPTIONS keep-alive (KEEPALIVE in
   * lib/scan/log-table.ts: no `Detail="`, a SIPMSG block whose first CSeq says OPTIONS) comes here
   * instead of onEntry, without the entry being made.
   */
  onKeepAlive?(file: string): void;
  /** the file's last entry has been delivered */
  onFileEnd?(file: string): void;
}

/** At most this many subscribers (they are kept as bits of one number per family). */
export const MAX_SUBSCRIBERS = 30;
