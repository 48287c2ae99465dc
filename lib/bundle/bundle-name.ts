// Host and collection time from Expressway's file names: diagnostic_log_<host>_<stamp>.tar.gz and
// the members loggingsnapshot_/xconf_dump_/xstat_dump_<host>_<stamp>. The stamp is
// YYYY-MM-DD_HH:MM:SS as Expressway writes it, or YYYY-MM-DD_HH_MM_SS once a Windows tool has
// replaced the colons (FORMATS.md, "Real layouts": file names). Browser-safe.
import { baseName } from "@/lib/bundle/file-kind";

const STAMP = "(\\d{4}-\\d{2}-\\d{2})_(\\d{2})[_:](\\d{2})[_:](\\d{2})";
const PREFIXED = new RegExp(`^(?:diagnostic_log|loggingsnapshot|xconf_dump|xstat_dump)_(.+?)_${STAMP}`, "i");
const BARE = new RegExp(STAMP);

export type BundleName = {
  host: string | null;
  /** "YYYY-MM-DD HH:MM:SS" as written in the name (the Expressway's local time) */
  timestamp: string | null;
};

/** Browsers may add " (1)" to a download's name; it comes after the stamp and is ignored. */
export function parseBundleName(path: string): BundleName {
  const name = baseName(path);
  const m = PREFIXED.exec(name);
  if (m) return { host: m[1], timestamp: `${m[2]} ${m[3]}:${m[4]}:${m[5]}` };
  const s = BARE.exec(name);
  return { host: null, timestamp: s ? `${s[1]} ${s[2]}:${s[3]}:${s[4]}` : null };
}
