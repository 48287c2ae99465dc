// Display formatting shared by pages: sizes, rates, durations and log timestamps written with offsets.

export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return "–";
  if (n < 1024) return `${n} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)} ${units[i]}`;
}

export function formatRate(bytesPerSecond: number): string {
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond <= 0) return "–";
  return `${(bytesPerSecond / (1024 * 1024)).toFixed(bytesPerSecond >= 100 * 1024 * 1024 ? 0 : 1)} MB/s`;
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "–";
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, "0")}s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h ${String(m % 60).padStart(2, "0")}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

const ISO = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:[.,](\d+))?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A log timestamp as the Expressway wrote it (its local time and offset), without converting to
 * the viewer's zone: engineers compare it with the raw log.
 */
export function formatLogTime(iso: string | null | undefined, opts: { ms?: boolean } = {}): string {
  if (!iso) return "–";
  const m = ISO.exec(iso.trim());
  if (!m) return iso;
  const ms = opts.ms && m[3] ? `.${m[3].slice(0, 3)}` : "";
  const off = m[4] ? (m[4] === "Z" ? " UTC" : ` ${m[4].replace(/^([+-]\d{2})(\d{2})$/, "$1:$2")}`) : "";
  return `${m[1]} ${m[2]}${ms}${off}`;
}

/** Milliseconds between two ISO timestamps, or null when either does not parse. */
export function spanMs(start: string | null | undefined, end: string | null | undefined): number | null {
  if (!start || !end) return null;
  const a = Date.parse(start);
  const b = Date.parse(end);
  return Number.isFinite(a) && Number.isFinite(b) ? b - a : null;
}

/** Server-render-safe absolute time (UTC); the LocalTime component upgrades it in the browser. */
export function formatUtc(iso: string | null | undefined): string {
  if (!iso) return "–";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** The viewer's short zone name at that instant ("UTC", "GMT+1", "EST"), from the browser. */
export function zoneName(d: Date, timeZone?: string): string {
  try {
    const part = new Intl.DateTimeFormat("en-US", { timeZoneName: "short", timeZone }).formatToParts(d).find((p) => p.type === "timeZoneName");
    return part?.value ?? "";
  } catch {
    return "";
  }
}

/**
 * An instant in the viewer's zone, with the zone named: "2026-12-01 09:12 GMT+1". `seconds` for log
 * times. `timeZone` is for tests; pages use the browser's.
 */
export function formatLocal(iso: string | null | undefined, opts: { seconds?: boolean; timeZone?: string } = {}): string {
  if (!iso) return "–";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: opts.timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: opts.seconds ? "2-digit" : undefined,
    hourCycle: "h23",
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  const time = `${get("hour")}:${get("minute")}${opts.seconds ? `:${get("second")}` : ""}`;
  const zone = zoneName(d, opts.timeZone);
  return `${get("year")}-${get("month")}-${get("day")} ${time}${zone ? ` ${zone}` : ""}`;
}

/** Seconds and fractions for short waits: "0.35 s", "4.2 s"; a minute and more as formatDuration. */
export function formatElapsed(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "–";
  if (ms < 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  return formatDuration(ms);
}
