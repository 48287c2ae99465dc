// Feeds log text to a SipCollector through the real LogReader, and its Search Completed lines through
// the event collector, as the scan does (tests only).
import { LogReader } from "@/lib/parse/log-reader";
import { LogEventCollector } from "@/lib/facts/log-events";
import { SipCollector, type SipLimits, searchesFromEvents } from "@/lib/facts/sip/sip-collector";
import type { CallsOutput } from "@/lib/results/calls";

export function collectSip(files: { name: string; text: string }[], limits: Partial<SipLimits> = {}): { sip: SipCollector; finish(): CallsOutput } {
  const sip = new SipCollector(limits);
  const events = new LogEventCollector();
  for (const f of files) {
    const reader = new LogReader((e) => sip.onEntry(f.name, e), sip.reader);
    f.text.split("\n").forEach((l, i) => {
      reader.push(l, i + 1);
      if (l.includes("Search Completed")) events.onLine(f.name, l, i + 1, l);
    });
    reader.end();
    sip.onFileEnd(f.name);
  }
  return { sip, finish: () => sip.finish(searchesFromEvents(events.finish())) };
}
