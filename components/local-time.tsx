"use client";
// Renders an instant in UTC on the server and in the viewer's zone after hydration, avoiding a
// hydration mismatch while still showing local time.
import { useEffect, useState } from "react";
import { formatLocal, formatUtc } from "@/lib/ui/format";

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
