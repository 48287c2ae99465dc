// Memory ran out or nearly did: the kernel's out-of-memory killer in the log (`invoked oom-killer`,
// `Out of memory: Killed process`), an alarm about memory, or the xstat dump's memory values near
// the total. A killed tvcs / traffic_server / database process drops calls, registrations and MRA
// sessions, and the box behaves erratically until it restarts.
import type { Affected, Evidence } from "@/lib/results/types";
import type { Facts } from "@/lib/facts/facts";
import type { OpenAlarm, ClearedAlarm } from "@/lib/facts/alarm-facts";
import { ALARM_REFERENCE, CLAIMED_ALARM_IDS } from "@/lib/signatures/alarm-common";
import { DIAGNOSTIC_LOGGING, groupAffected, period, plural } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

const OOM_KILL_SOURCE = { title: "Linux kernel source: mm/oom_kill.c (the out-of-memory killer's messages)", url: "https://github.com/torvalds/linux/blob/master/mm/oom_kill.c" };

/** Used share of memory from which the dump's values are an issue, and a potential problem. */
const ISSUE_SHARE = 0.95;
const POTENTIAL_SHARE = 0.9;

export const memoryExhausted = defineSignature(
  {
    id: "memory-exhausted",
    version: 1,
    defects: [],
    title: "Memory exhausted or nearly full",
    severity: "critical",
    category: "defect",
    outcomes: ["issue", "potential", "ok", "missing"],
    reads: ["kernelMemory", "alarms", "statusDump", "logFiles"],
    area: "Platform",
    summary: "Finds the kernel's out-of-memory killer in the log (`invoked oom-killer`, `Out of memory: Killed process`), open alarms whose text is about memory, and xstat memory values at 95% of the total or more (90%: potential).",
    products: ["Expressway-C", "Expressway-E"],
    inputs: ["kernel lines of the log", "alarm lines of the log and the xstat alarm list", "xstat_dump memory values, when the dump has them"],
    // what the card explains among the log's warnings (the kernel lines come from a process subscription, not the needle scan)
    needles: ["invoked oom-killer", "Out of memory"],
    references: [OOM_KILL_SOURCE, ALARM_REFERENCE],
  },
  evaluate,
);

type MemoryFacts = Pick<Facts, "kernelMemory" | "alarms" | "statusDump" | "logFiles">;

const MEMORY_TEXT = /\bmemory\b|\bswap\b|\boom\b/i;

/** An alarm about memory that no other signature explains (10005, unsuitable VM sizing, is hardware's). */
function isMemoryAlarm(a: { id: string; detail: string | null; info: { title: string } | null }): boolean {
  if (CLAIMED_ALARM_IDS.has(a.id)) return false;
  return MEMORY_TEXT.test(a.detail ?? "") || MEMORY_TEXT.test(a.info?.title ?? "");
}

export type MemoryUsage = { file: string; total: number; used: number; share: number; evidence: Evidence[] };

/** "8052 MB", "8245732 kB", "7.8 GB", "8245732" -> bytes (a bare number is taken as the unit the others use) */
export function parseAmount(value: string): { n: number; unit: string } | null {
  const m = /^\s*([\d.]+)\s*([kKmMgGtT]i?[bB]|[bB]ytes?|%)?\s*$/.exec(value);
  if (!m) return null;
  const n = Number(m[1]);
  if (!Number.isFinite(n)) return null;
  const unit = (m[2] ?? "").toLowerCase().replace("i", "");
  const scale: Record<string, number> = { "": 1, b: 1, byte: 1, bytes: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4 };
  if (unit === "%") return { n, unit: "%" };
  return { n: n * (scale[unit] ?? 1), unit: unit === "" ? "" : "bytes" };
}

/** Used memory against the total, per dump and memory block (swap left out), from whatever leaves it has. */
export function memoryUsage(facts: Pick<Facts, "statusDump">): MemoryUsage[] {
  const leaves = facts.statusDump?.memory ?? [];
  const blocks = new Map<string, typeof leaves>();
  for (const l of leaves) {
    const parent = l.path.split("/").slice(0, -1).join("/");
    if (/swap/i.test(parent)) continue;
    const key = `${l.file}\u0000${parent}`;
    const list = blocks.get(key);
    if (list) list.push(l);
    else blocks.set(key, [l]);
  }
  const out: MemoryUsage[] = [];
  for (const list of blocks.values()) {
    const leaf = (re: RegExp) => list.find((l) => re.test(l.path.split("/").pop() ?? ""));
    const pct = leaf(/^(usage|used ?percent(age)?|percent(age)?(used)?|utili[sz]ation)$/i);
    const total = leaf(/^(total|size|physical|installed)$/i);
    const used = leaf(/^used$/i);
    const free = leaf(/^(available|free)$/i);
    const amount = (l: (typeof list)[number] | undefined) => (l ? parseAmount(l.value) : null);
    const ev = (ls: (typeof list)[number][]) => ls.map((l) => ({ file: l.source.file, line: l.source.line, text: l.source.text }));
    const p = amount(pct);
    if (p && p.unit === "%") {
      out.push({ file: list[0].file, total: 100, used: p.n, share: p.n / 100, evidence: ev([pct!]) });
      continue;
    }
    const t = amount(total);
    if (!t || t.n <= 0) continue;
    const u = amount(used);
    const f = amount(free);
    // `Available` (what can be given without swapping) beats `Used`, which counts the page cache
    const usedBytes = f && f.unit !== "%" ? t.n - f.n : u && u.unit !== "%" ? u.n : null;
    if (usedBytes === null || usedBytes < 0) continue;
    out.push({ file: list[0].file, total: t.n, used: usedBytes, share: usedBytes / t.n, evidence: ev([total!, ...(f ? [free!] : [used!])]) });
  }
  return out;
}

function mib(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GiB` : `${Math.round(bytes / 1024 ** 2)} MiB`;
}

function usageText(u: MemoryUsage): string {
  return u.total === 100 ? `${Math.round(u.share * 100)}% used` : `${Math.round(u.share * 100)}% used (${mib(u.used)} of ${mib(u.total)})`;
}

function alarmRow(a: OpenAlarm | ClearedAlarm): Affected {
  return { host: a.peer, ip: null, port: null, service: "alarm", reason: `${a.id} ${a.info?.title ?? a.detail?.split(":")[0] ?? "memory alarm"}`, count: 1, firstSeen: a.raisedAt, lastSeen: null };
}

function evaluate(facts: MemoryFacts): SignatureEvaluation {
  const oom = facts.kernelMemory.oom;
  const open = facts.alarms.open.filter(isMemoryAlarm);
  const cleared = facts.alarms.cleared.filter(isMemoryAlarm);
  const usage = memoryUsage(facts);
  const high = usage.filter((u) => u.share >= ISSUE_SHARE);
  const near = usage.filter((u) => u.share >= POTENTIAL_SHARE && u.share < ISSUE_SHARE);
  const action = [
    "1. Status > System > Information (or `free -m` as root): compare used memory with what the VM has; the OVA size (small / medium / large) sets the memory Expressway needs, and a VM given less raises alarm 10005.",
    "2. If a process was killed, restart the Expressway in a maintenance window so every service starts cleanly, and collect a bundle before that if TAC needs it.",
    "3. If memory fills again, look for what grows (very many registrations or calls, a verbose debug log level left on, a known leak of the installed release in its release notes) and open a TAC case with the bundle.",
  ].join("\n");

  if (oom.length > 0 || open.length > 0 || high.length > 0) {
    const killed = oom.filter((e) => e.kind === "killed");
    const rows: Affected[] = [
      ...groupAffected(oom, (e) => ({ host: e.peer, ip: null, port: null, service: "kernel OOM killer", reason: `${e.process ?? "a process"} ${e.kind === "killed" ? "killed" : "could not get memory"}` }), (e) => e.timestamp, () => null),
      ...open.map(alarmRow),
      ...high.map((u) => ({ host: u.file.split("/").pop() ?? u.file, ip: null, port: null, service: "memory (xstat)", reason: usageText(u), count: 1, firstSeen: null, lastSeen: null })),
    ];
    const parts = [
      oom.length > 0
        ? `the kernel ran out of memory ${plural(facts.kernelMemory.oomCount, "time")}${period(rows.slice(0, 1))}${killed.length > 0 ? ` and killed ${[...new Set(killed.map((e) => e.process ?? "a process"))].join(", ")}` : ""}`
        : null,
      open.length > 0 ? `${plural(open.length, "memory alarm")} open (${open.map((a) => `${a.id} ${a.detail ?? a.info?.title ?? ""}`.trim()).join("; ")})` : null,
      high.length > 0 ? `the status dump shows memory ${high.map(usageText).join(", ")}` : null,
    ].filter(Boolean);
    return {
      outcome: "issue",
      description: `Memory is exhausted: ${parts.join("; ")}. A killed process (tvcs, traffic_server, the database) drops calls, registrations and MRA sessions, and services fail until they restart.`,
      condition: "A kernel `invoked oom-killer` / `Out of memory` line, an open alarm about memory, or xstat memory at 95% of the total or more.",
      furtherInformation: "The out-of-memory killer runs when the kernel cannot free memory for an allocation; the process it names after `Killed process` was ended (SIGKILL) to free memory.",
      action,
      affected: rows,
      evidence: [...oom.map((e) => e.source), ...open.flatMap((a) => a.evidence), ...high.flatMap((u) => u.evidence)].map((e) => ({ file: e.file, line: e.line, text: e.text })),
    };
  }
  if (near.length > 0 || cleared.length > 0) {
    return {
      outcome: "potential",
      description: `Memory is under pressure: ${[
        near.length > 0 ? `the status dump shows memory ${near.map(usageText).join(", ")}` : null,
        cleared.length > 0 ? `${plural(cleared.length, "memory alarm")} raised and lowered in the window (${cleared.map((a) => a.id).join(", ")})` : null,
      ]
        .filter(Boolean)
        .join("; ")}.`,
      condition: "xstat memory between 90% and 95% of the total, or an alarm about memory raised and lowered in the window.",
      furtherInformation: "Linux uses free memory as page cache; the share here counts what is not available to processes.",
      action,
      affected: [...near.map((u) => ({ host: u.file.split("/").pop() ?? u.file, ip: null, port: null, service: "memory (xstat)", reason: usageText(u), count: 1, firstSeen: null, lastSeen: null })), ...cleared.map(alarmRow)],
      evidence: [...near.flatMap((u) => u.evidence), ...cleared.flatMap((a) => a.evidence)],
    };
  }
  if (facts.logFiles.length === 0 && facts.statusDump === null) {
    return { outcome: "missing", description: "The bundle has neither a log nor a status dump, so memory cannot be judged.", condition: "No loggingsnapshot and no xstat_dump.", furtherInformation: "", action: `On the Expressway, go to ${DIAGNOSTIC_LOGGING} and upload the whole bundle.` };
  }
  return {
    outcome: "ok",
    description: `No out-of-memory killer and no memory alarm in the bundle${usage.length > 0 ? `; the status dump shows memory ${usage.map(usageText).join(", ")}` : ""}.`,
    condition: "No kernel OOM line, no open alarm about memory, xstat memory below 90% (when the dump has it).",
    furtherInformation: usage.length === 0 ? "The status dump carries no memory values here: `free -m` as root, or Status > System > Information, shows them." : "",
    action: "No action needed.",
  };
}
