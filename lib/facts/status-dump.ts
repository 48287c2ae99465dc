// What the xstat dump (`xstat_dump_<host>_<stamp>.txt`, `*s` blocks) says about the system beyond
// its version: the alarms active when it was taken, the zones and their status, NTP, the uptime.
// The blocks are flattened by lib/parse/xstat.ts into paths such as `Zones/Zone/1/SIP/Status`;
// this collector keeps only the families signatures read, grouped per numbered instance, and is
// tolerant about field names (xStatus output differs between versions). A state can be a child
// (`Status: "Active"`) or an attribute (`Zone 1 (status=Failed):`, `*s NTP (status=Active):`, as
// TANDBERG's API guide D14172.01 prints it), so `status` is matched in any case; the alarm list is
// `Warnings` > `Warning` with `ID`, `Reason` and `State` on the boxes that expose it over the XML
// API (centreon-plugins' cisco/vcs alerts mode reads those three).
/** Where a value was read (the same shape as SourceRef in facts.ts, which imports this module). */
type SourceRef = { file: string; line: number; text: string };

export type StatusAlarm = {
  id: string | null;
  title: string | null;
  description: string | null;
  severity: string | null;
  state: string | null;
  peer: string | null;
  file: string;
  source: SourceRef;
};

export type ZoneStatus = {
  /** the instance key in the dump, e.g. "Zone 3" */
  key: string;
  name: string | null;
  type: string | null;
  /** every `Status` leaf of the zone, by its path inside the zone ("SIP/Status", "Status") */
  statuses: { path: string; value: string; source: SourceRef }[];
  /** `Cause` / `Reason` leaves, when the dump gives them */
  causes: string[];
  file: string;
};

export type StatusDumpFacts = {
  /** the xstat files read */
  files: string[];
  /** whether any dump had an alarm section (an empty list then means "no alarm was active") */
  alarmSectionSeen: boolean;
  alarms: StatusAlarm[];
  zones: ZoneStatus[];
  ntp: { status: string; source: SourceRef; file: string }[];
  /** seconds since start, per dump */
  uptime: { seconds: number; source: SourceRef; file: string }[];
  /** leaves under a `Memory` (or `Swap`) block, wherever the dump puts it ("ResourceUsage/Memory/Total") */
  memory: { path: string; value: string; source: SourceRef; file: string }[];
};

const MAX_ALARMS = 500;
const MAX_ZONES = 1000;
const MAX_MEMORY_LEAVES = 64;
const MEMORY_SEGMENT = /^(memory|swap|ram)$/i;

type Leaf = { path: string[]; value: string; source: SourceRef };

export class StatusDumpCollector {
  private readonly files: string[] = [];
  private alarmSectionSeen = false;
  private readonly alarmGroups = new Map<string, { file: string; leaves: Leaf[] }>();
  private readonly zoneGroups = new Map<string, { file: string; key: string; leaves: Leaf[] }>();
  private readonly ntp: StatusDumpFacts["ntp"] = [];
  private readonly uptime: StatusDumpFacts["uptime"] = [];
  private readonly memory: StatusDumpFacts["memory"] = [];

  startFile(file: string): void {
    this.files.push(file);
  }

  /** One flattened xstat entry ("SystemUnit/Uptime" = "8812"). */
  onEntry(file: string, path: string, value: string, line: number, text: string): void {
    const parts = path.replace(/^Status\//, "").split("/");
    const head = parts[0];
    const source: SourceRef = { file, line, text };
    if (head === "Alarm" || head === "Alarms" || head === "Warnings" || head === "Warning") {
      this.alarmSectionSeen = true;
      const n = instanceEnd(parts);
      if (n === -1) return;
      const key = `${file}\u0000${parts.slice(0, n + 1).join("/")}`;
      let g = this.alarmGroups.get(key);
      if (!g) {
        if (this.alarmGroups.size >= MAX_ALARMS) return;
        this.alarmGroups.set(key, (g = { file, leaves: [] }));
      }
      g.leaves.push({ path: parts.slice(n + 1), value, source });
      return;
    }
    if (head === "Zones" || head === "Zone") {
      const n = instanceEnd(parts);
      if (n === -1) return;
      const instance = parts.slice(head === "Zones" ? 1 : 0, n + 1).join(" ");
      const key = `${file}\u0000${instance}`;
      let g = this.zoneGroups.get(key);
      if (!g) {
        if (this.zoneGroups.size >= MAX_ZONES) return;
        this.zoneGroups.set(key, (g = { file, key: instance, leaves: [] }));
      }
      g.leaves.push({ path: parts.slice(n + 1), value, source });
      return;
    }
    if (head === "NTP" && parts.length === 2 && parts[1].toLowerCase() === "status") {
      this.ntp.push({ status: value, source, file });
      return;
    }
    if (parts.length > 1 && parts.slice(0, -1).some((p) => MEMORY_SEGMENT.test(p))) {
      if (this.memory.length < MAX_MEMORY_LEAVES) this.memory.push({ path: parts.join("/"), value, source, file });
      return;
    }
    if (path === "SystemUnit/Uptime" || path === "Status/SystemUnit/Uptime") {
      const s = Number(value);
      if (Number.isFinite(s) && s >= 0) this.uptime.push({ seconds: s, source, file });
    }
  }

  finish(): StatusDumpFacts | null {
    if (this.files.length === 0) return null;
    const alarms: StatusAlarm[] = [];
    for (const g of this.alarmGroups.values()) {
      const get = (...names: string[]) => leafValue(g.leaves, names);
      const id = get("id");
      const title = get("title", "name");
      if (!id && !title) continue;
      const first = g.leaves[0];
      alarms.push({
        id,
        title,
        description: get("description", "detail", "details", "reason"),
        severity: get("severity", "level"),
        state: get("state", "status"),
        peer: get("peer", "peeraddress", "node"),
        file: g.file,
        source: first.source,
      });
    }
    const zones: ZoneStatus[] = [];
    for (const g of this.zoneGroups.values()) {
      zones.push({
        key: g.key,
        name: leafValue(g.leaves, ["name"]),
        type: leafValue(g.leaves, ["type"]),
        statuses: g.leaves.filter((l) => l.path[l.path.length - 1].toLowerCase() === "status").map((l) => ({ path: l.path.join("/"), value: l.value, source: l.source })),
        causes: g.leaves.filter((l) => /^(cause|reason)$/i.test(l.path[l.path.length - 1] ?? "")).map((l) => l.value),
        file: g.file,
      });
    }
    return { files: this.files, alarmSectionSeen: this.alarmSectionSeen, alarms, zones, ntp: this.ntp, uptime: this.uptime, memory: this.memory };
  }
}

/** Index of the first all-digit segment after the head ("Zones/Zone/3/..." -> 2), -1 if none. */
function instanceEnd(parts: string[]): number {
  for (let i = 1; i < parts.length - 1; i++) if (/^\d+$/.test(parts[i])) return i;
  return -1;
}

/** A direct leaf of the instance by (case-insensitive) name. */
function leafValue(leaves: Leaf[], names: string[]): string | null {
  for (const n of names) {
    const hit = leaves.find((l) => l.path.length === 1 && l.path[0].toLowerCase() === n);
    if (hit && hit.value !== "") return hit.value;
  }
  return null;
}
