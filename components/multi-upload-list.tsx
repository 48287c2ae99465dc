// Several bundles chosen at once: each one peeked in the browser and listed on one line (host, when it
// was collected, what it holds or why it looks wrong), before one Analyze uploads them all as a case.
import { formatBytes } from "@/lib/ui/format";
import type { PeekSummary } from "@/lib/ui/peek-bundle";
import { AlertIcon, ArchiveIcon, CheckCircleIcon, SpinnerIcon } from "./icons";

export type ChosenBundle = { file: File; peek: PeekSummary | null; error: string | null };

function Finding({ b }: { b: ChosenBundle }) {
  if (b.error) {
    return (
      <span className="inline-flex items-center gap-1 text-amber-800">
        <AlertIcon className="h-3.5 w-3.5" /> not inspected: {b.error}
      </span>
    );
  }
  if (!b.peek) {
    return (
      <span className="inline-flex items-center gap-1 text-slate-500">
        <SpinnerIcon className="h-3.5 w-3.5 text-brand-600" /> looking inside…
      </span>
    );
  }
  const p = b.peek;
  const kinds = [
    p.counts.log && `${p.counts.log} log${p.counts.log === 1 ? "" : "s"}`,
    p.counts.xconf && "configuration",
    p.counts.xstat && "status",
    p.counts.capture && `${p.counts.capture} capture${p.counts.capture === 1 ? "" : "s"}`,
  ].filter(Boolean);
  return p.looksLikeExpressway ? (
    <span className="inline-flex min-w-0 items-center gap-1 text-slate-600">
      <CheckCircleIcon className="h-3.5 w-3.5 shrink-0 text-emerald-600" />
      <span className="truncate">{kinds.join(", ") || "Expressway bundle"}</span>
    </span>
  ) : (
    <span className="inline-flex min-w-0 items-center gap-1 text-amber-800">
      <AlertIcon className="h-3.5 w-3.5 shrink-0" />
      <span className="truncate">{p.warnings[0]?.message ?? "does not look like an Expressway bundle"}</span>
    </span>
  );
}

export function MultiUploadList({ bundles, onRemove, busy }: { bundles: ChosenBundle[]; onRemove: (i: number) => void; busy: boolean }) {
  const hosts = new Set(bundles.map((b) => b.peek?.host).filter(Boolean));
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white" data-testid="multi-upload">
      <p className="border-b border-slate-100 px-4 py-2.5 text-sm text-slate-700">
        <span className="font-medium">{bundles.length} bundles</span>
        {hosts.size > 0 && ` from ${hosts.size} Expressway${hosts.size === 1 ? "" : "s"}`}: each is analysed on its own, then shown together as one case.
      </p>
      <ul className="divide-y divide-slate-100">
        {bundles.map((b, i) => (
          <li key={`${b.file.name}-${i}`} className="flex items-center gap-3 px-4 py-2.5" data-testid="multi-upload-file" data-state={b.peek ? "ready" : b.error ? "error" : "reading"}>
            <ArchiveIcon className="h-4 w-4 shrink-0 text-brand-700" />
            <div className="min-w-0 flex-1">
              <p className="truncate font-mono text-sm text-slate-900" title={b.file.name}>
                {b.file.name}
              </p>
              <p className="flex min-w-0 flex-wrap items-center gap-x-2 text-xs">
                <span className="font-medium text-slate-800" data-testid="multi-upload-host">
                  {b.peek?.host ?? (b.peek ? "host unknown" : "")}
                </span>
                {b.peek?.timestamp && <span className="text-slate-500 tabular-nums">{b.peek.timestamp}</span>}
                <span className="text-slate-500 tabular-nums">{formatBytes(b.file.size)}</span>
                <Finding b={b} />
              </p>
            </div>
            {!busy && (
              <button type="button" className="btn-ghost shrink-0 px-2 py-1 text-xs" onClick={() => onRemove(i)} aria-label={`Remove ${b.file.name}`}>
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
