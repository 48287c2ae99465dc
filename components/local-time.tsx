"use client";
// Times, the same way everywhere:
// - LocalTime: an instant of the portal's own (uploaded, created, expires) in the viewer's zone with the
//   zone named; UTC on hover. Rendered in UTC on the server and upgraded after hydration, so the server
//   and browser markup agree.
// - BundleTime: a time the Expressway wrote in its logs, as written (its local time and offset, which
//   is what engineers compare with the raw log); the viewer's own time on hover.
import { useEffect, useState } from "react";
import { formatLocal, formatLogTime, formatUtc } from "@/lib/ui/format";

export function LocalTime({ iso, className }: { iso: string | null | undefined; className?: string }) {
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => {
    setLocal(formatLocal(iso));
  }, [iso]);
  if (!iso) return <span className={className}>–</span>;
  return (
    <time dateTime={iso} className={className} title={formatUtc(iso)}>
      {local ?? formatUtc(iso)}
    </time>
  );
}

/** `timeOnly`: leave out the date (beside a time of the same day that shows it). */
export function BundleTime({ iso, className, ms, timeOnly }: { iso: string | null | undefined; className?: string; ms?: boolean; timeOnly?: boolean }) {
  const [mine, setMine] = useState<string | null>(null);
  useEffect(() => {
    setMine(iso && Number.isFinite(Date.parse(iso)) ? formatLocal(iso, { seconds: true }) : null);
  }, [iso]);
  if (!iso) return <span className={className}>–</span>;
  return (
    <time dateTime={iso} className={className} title={mine ? `Your time: ${mine}` : undefined}>
      {timeOnly ? formatLogTime(iso, { ms }).replace(/^\d{4}-\d{2}-\d{2} /, "") : formatLogTime(iso, { ms })}
    </time>
  );
}
