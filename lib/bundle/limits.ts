// Resource limits for reading one uploaded bundle. Every limit is configurable so tests can
// use small numbers and operators can raise them; the defaults suit real Expressway bundles.
import { z } from "zod";

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export const limitsSchema = z.object({
  /** total bytes after decompression (the tar stream, or the text) */
  maxDecompressedBytes: z.number().int().positive(),
  /** the bomb guard only looks at ratios once this much has been decompressed */
  bombMinDecompressedBytes: z.number().int().nonnegative(),
  /** decompressed / compressed above this (past the minimum) is treated as a gzip bomb */
  bombMaxRatio: z.number().positive(),
  /** tar headers of any type, directories included */
  maxEntries: z.number().int().positive(),
  /** a longer line is skipped, never buffered */
  maxLineBytes: z.number().int().positive(),
  /** notes beyond this are summarised in one line */
  maxNotes: z.number().int().positive(),
});

export type Limits = z.infer<typeof limitsSchema>;

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxDecompressedBytes: 4 * GiB,
  // A real bundle may hold one absurd line (64 MiB of one byte compresses 1000x): that is read, the
  // line skipped and noted; only past this size does a high ratio mean a bomb.
  bombMinDecompressedBytes: 256 * MiB,
  bombMaxRatio: 200,
  maxEntries: 20_000,
  maxLineBytes: 1 * MiB,
  maxNotes: 200,
});

export function resolveLimits(overrides?: Partial<Limits>): Limits {
  return limitsSchema.parse({ ...DEFAULT_LIMITS, ...stripUndefined(overrides ?? {}) });
}

/** The gzip bomb guard, the same in the reader and the upload page's peek. */
export function looksLikeBomb(decompressed: number, compressed: number, limits: Pick<Limits, "bombMinDecompressedBytes" | "bombMaxRatio">): boolean {
  return decompressed > limits.bombMinDecompressedBytes && decompressed > limits.bombMaxRatio * compressed;
}

function stripUndefined(o: Partial<Limits>): Partial<Limits> {
  const out: Partial<Limits> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/** "64.0 MiB", "512 KiB", "17 bytes" – for notes and error messages. */
export function formatBytes(n: number): string {
  if (n >= GiB) return `${(n / GiB).toFixed(1)} GiB`;
  if (n >= MiB) return `${(n / MiB).toFixed(1)} MiB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KiB`;
  return `${n} bytes`;
}

/** "1 MiB" for round limits, else formatBytes. */
export function formatLimit(n: number): string {
  if (n % GiB === 0) return `${n / GiB} GiB`;
  if (n % MiB === 0) return `${n / MiB} MiB`;
  if (n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}
