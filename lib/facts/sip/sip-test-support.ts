// Feeds log text to a SipCollector through the real LogReader, as the scan does (tests only).
import { LogReader } from "@/lib/parse/log-reader";
import { SipCollector, type SipLimits } from "@/lib/facts/sip/sip-collector";

export function collectSip(files: { name: string; text: string }[], limits: Partial<SipLimits> = {}): SipCollector {
  const sip = new SipCollector(limits);
  for (const f of files) {
    const reader = new LogReader((e) => sip.onEntry(f.name, e), sip.reader);
    f.text.split("\n").forEach((l, i) => reader.push(l, i + 1));
    reader.end();
    sip.onFileEnd(f.name);
  }
  return sip;
}
