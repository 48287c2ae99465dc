// The reading report of a bundle (bundle.reading): per log file, the lines read, the timestamped
// lines of each family, the message and blank lines, and what matched no family, with samples.
import type { Facts } from "@/lib/facts/facts";
import { maskLine } from "@/lib/facts/warning-templates";
import type { Reading } from "@/lib/results/types";

export const NO_PROCESS_FAMILY = "no process token";

export function buildReading(facts: Pick<Facts, "reading" | "lineFamilies" | "trafficServer">): Reading {
  const files = facts.reading.map((r) => {
    // traffic_server lines its collector could not read are not understood either
    const unread = facts.trafficServer.unread.find((u) => u.file === r.file);
    const samples = [...r.samples];
    for (const s of unread?.samples ?? []) {
      const template = maskLine(s.text);
      if (samples.length < 5 && !samples.some((x) => x.template === template)) samples.push({ line: s.line, template });
    }
    const processes = facts.lineFamilies.find((f) => f.file === r.file)?.processes ?? {};
    const families = Object.entries(processes)
      .filter(([, n]) => n > 0)
      .map(([name, lines]) => ({ name: name === "" ? NO_PROCESS_FAMILY : name, lines }))
      .sort((a, b) => b.lines - a.lines || a.name.localeCompare(b.name));
    return {
      file: r.file,
      lines: r.lines,
      families,
      messageLines: r.messageLines,
      blankLines: r.blankLines,
      longLines: r.longLines,
      notUnderstood: r.notUnderstood + (unread?.count ?? 0),
      samples,
    };
  });
  return { files, notUnderstood: files.reduce((n, f) => n + f.notUnderstood, 0) };
}
