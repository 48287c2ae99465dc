// Capture timestamps come from the file and may be nonsense; never let Date throw on them.

export function isoTime(ms: number): string {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return "invalid-time";
  return new Date(Math.floor(ms)).toISOString();
}
