// Bounds for reading one capture file. A capture comes from an uploaded bundle, so every buffer a
// hostile or broken file could inflate has a cap; the defaults suit real Expressway captures.

const KiB = 1024;
const MiB = 1024 * KiB;

export interface CaptureLimits {
  /** a record claiming more captured bytes than this is treated as corrupt and ends the file */
  maxPacketBytes: number;
  /** only the first bytes of each TCP direction are analysed; the handshake sits at the start */
  maxStreamBytesPerDirection: number;
  /** connections tracked at once */
  maxFlows: number;
  /** bytes held for out-of-order segments and partial TLS records across all flows */
  maxBufferedBytes: number;
  /** a TLS handshake message bigger than this (certificate chains are a few KiB) is not parsed */
  maxHandshakeMessageBytes: number;
  /** sessions reported per file */
  maxSessions: number;
  /** plaintext bytes watched for a STARTTLS switch before a non-TLS direction is given up */
  maxStartTlsProbeBytes: number;
  /** notes per file (and per session) before they are summarised in one line */
  maxNotes: number;
}

export const DEFAULT_CAPTURE_LIMITS: Readonly<CaptureLimits> = Object.freeze({
  maxPacketBytes: 256 * KiB,
  maxStreamBytesPerDirection: 256 * KiB,
  maxFlows: 50_000,
  maxBufferedBytes: 64 * MiB,
  maxHandshakeMessageBytes: 128 * KiB,
  maxSessions: 20_000,
  maxStartTlsProbeBytes: 16 * KiB,
  maxNotes: 100,
});

export function resolveCaptureLimits(overrides?: Partial<CaptureLimits>): CaptureLimits {
  const out: CaptureLimits = { ...DEFAULT_CAPTURE_LIMITS };
  for (const [k, v] of Object.entries(overrides ?? {})) {
    // Ignore junk rather than throw: limits may come from configuration.
    if (typeof v === "number" && Number.isFinite(v) && v > 0) (out as unknown as Record<string, number>)[k] = Math.floor(v);
  }
  return out;
}
