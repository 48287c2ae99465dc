"use client";
// One signature result in CSA's shape: defects, title, severity, then description, condition,
// further information, action, affected nodes, evidence and references. The title opens and closes
// the card; `compact` (the findings' list view) shows a closed card as one line.
import { useEffect, useId, useState } from "react";
import { OUTCOME_LABELS, type SignatureResult } from "@/lib/results/types";
import { AffectedTable } from "./affected-table";
import { DefectBadge, OUTCOME_STYLE, SeverityBadge } from "./badges";
import { ChevronRightIcon, ExternalIcon, LinkIcon } from "./icons";
import { LogSnippet } from "./log-snippet";
import { resultAnchor } from "@/lib/ui/result-anchor";
import { RichText } from "./rich-text";

/** The card's title as its open/close control (a button inside the heading, so both are announced). */
function CardToggle({ expanded, bodyId, onToggle, children }: { expanded: boolean; bodyId: string; onToggle: () => void; children: React.ReactNode }) {
  return (
    <button
      type="button"
      onClick={onToggle}
      aria-expanded={expanded}
      aria-controls={expanded ? bodyId : undefined}
      data-testid="card-toggle"
      className="group -ml-1 flex w-full items-start gap-1.5 rounded-md px-1 text-left hover:text-brand-800 focus-visible:outline-offset-2"
    >
      <ChevronRightIcon
        className={`mt-[0.2em] h-4 w-4 shrink-0 text-slate-400 transition-transform group-hover:text-slate-600 ${expanded ? "rotate-90" : ""}`}
      />
      <span className="min-w-0">{children}</span>
    </button>
  );
}

function Section({ label, children, tone }: { label: string; children: React.ReactNode; tone?: "action" }) {
  return (
    <div className="grid gap-1.5 py-3.5 md:grid-cols-[10rem_minmax(0,1fr)] md:gap-6">
      <h4 className="eyebrow pt-0.5">{label}</h4>
      <div className={tone === "action" ? "rounded-lg border border-brand-100 bg-brand-50/60 px-4 py-3" : "min-w-0"}>{children}</div>
    </div>
  );
}

const RELATION_LABEL: Record<NonNullable<SignatureResult["related"]>[number]["relation"], string> = {
  contributing_factor: "Contributing factor",
  related_check: "Related check",
  same_missing_input: "Needs the same input",
};

/** A check folded into this card: its own conclusion, and its action and evidence on demand. */
function FoldedCheck({ result, relation }: { result: SignatureResult; relation: string }) {
  const hasDetails = Boolean(result.action || result.affected.length || result.evidence.length);
  return (
    <li id={resultAnchor(result.signatureId)} data-testid="folded-check" data-signature-id={result.signatureId} className="min-w-0 scroll-mt-20 rounded-lg border border-slate-200 px-3 py-2.5">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500">
        <span className="font-medium text-slate-700">{relation}</span>
        {result.outcome === "potential" && <span className="rounded bg-amber-50 px-1.5 py-px text-amber-800">possible</span>}
        {result.defects.map((d) => (
          <DefectBadge key={d} id={d} />
        ))}
        <span className="font-mono text-[11px] text-slate-400">{result.signatureId}</span>
      </p>
      <p className="mt-1 text-sm font-medium text-slate-900">{result.title}</p>
      <RichText text={result.description} className="mt-1 text-sm text-slate-700" />
      {hasDetails && (
        <details className="mt-1.5">
          <summary className="btn-ghost -ml-2 inline-flex cursor-pointer px-2 py-1 text-xs">Its action and evidence</summary>
          <div className="mt-2 space-y-3">
            {result.action && <RichText text={result.action} className="text-sm text-slate-800" copyable />}
            {result.affected.length > 0 && <AffectedTable affected={result.affected} />}
            {result.evidence.length > 0 && <LogSnippet evidence={result.evidence} />}
          </div>
        </details>
      )}
    </li>
  );
}

/** `extra`: shown under the title (the case page says there on which Expressways the finding was seen). */
/** `printed`: the copy printing shows (components/printed-findings.tsx): always in full, no anchor of its own. */
export function ResultCard({
  result,
  folded = [],
  defaultExpanded = true,
  extra,
  compact = false,
  printed = false,
}: {
  result: SignatureResult;
  folded?: SignatureResult[];
  defaultExpanded?: boolean;
  extra?: React.ReactNode;
  compact?: boolean;
  printed?: boolean;
}) {
  const [open, setExpanded] = useState(defaultExpanded);
  const expanded = printed || open;
  const bodyId = useId();
  const anchorId = resultAnchor(result.signatureId);
  // A link to this finding (#sig-…) opens it, in the list view too.
  useEffect(() => {
    if (decodeURIComponent(window.location.hash.slice(1)) === anchorId) setExpanded(true);
  }, [anchorId]);
  const style = OUTCOME_STYLE[result.outcome];
  const anchor = resultAnchor(result.signatureId);
  const totalHits = result.affected.reduce((n, a) => n + a.count, 0);
  const quiet = result.outcome === "ok" || result.outcome === "not_applicable";
  const hasMore = Boolean(
    result.condition || result.furtherInformation || result.action || result.affected.length || result.evidence.length || result.references.length || folded.length,
  );

  return (
    <article
      id={printed ? undefined : anchor}
      data-testid={printed ? "printed-result-card" : "result-card"}
      data-signature-id={result.signatureId}
      data-outcome={result.outcome}
      className="card relative scroll-mt-20 overflow-hidden"
      aria-labelledby={printed ? undefined : `${anchor}-title`}
    >
      <div className={`absolute inset-y-0 left-0 w-1 ${style.bar}`} aria-hidden="true" />
      {compact && !expanded ? (
        <header className="flex flex-wrap items-center gap-x-3 gap-y-1.5 px-5 py-3 sm:px-6">
          <h3 id={`${anchor}-title`} className="min-w-0 basis-full text-[15px] leading-snug font-semibold text-slate-900 sm:flex-1 sm:basis-auto">
            <CardToggle expanded={false} bodyId={bodyId} onToggle={() => setExpanded(true)}>
              <span className="sr-only">{OUTCOME_LABELS[result.outcome]}: </span>
              {result.title}
            </CardToggle>
          </h3>
          <span className="flex flex-wrap items-center gap-1.5 pl-6 sm:pl-0">
            {!quiet && <SeverityBadge severity={result.severity} />}
            {result.defects.map((d) => (
              <DefectBadge key={d} id={d} checked={quiet} />
            ))}
            {result.affected.length > 0 && (
              <span className="text-xs whitespace-nowrap text-slate-500">
                {result.affected.length} node{result.affected.length === 1 ? "" : "s"}
              </span>
            )}
          </span>
        </header>
      ) : (
      <header className={`flex flex-col px-5 sm:px-6 ${quiet ? "gap-2 pt-3.5 pb-2.5" : "gap-3 pt-4 pb-3"}`}>
        <div className="flex flex-wrap items-center gap-2">
          <span className={`inline-flex items-center gap-1.5 rounded-md px-2 py-0.5 text-xs font-medium ${style.soft} ${style.text}`}>
            <style.Icon className="h-3.5 w-3.5" />
            {OUTCOME_LABELS[result.outcome]}
          </span>
          {!quiet && <SeverityBadge severity={result.severity} />}
          {result.defects.map((d) => (
            <DefectBadge key={d} id={d} checked={quiet} />
          ))}
          <a
            href={`#${anchor}`}
            className="ml-auto inline-flex items-center gap-1 rounded px-1 font-mono text-[11px] text-slate-400 hover:text-slate-700"
            title="Link to this finding"
          >
            <LinkIcon className="h-3 w-3" />
            {result.signatureId}
            <span className="text-slate-300">v{result.signatureVersion}</span>
          </a>
        </div>
        <h3
          id={printed ? undefined : `${anchor}-title`}
          className={`leading-snug font-semibold text-balance text-slate-900 ${quiet ? "text-[15px]" : "text-base sm:text-lg"}`}
        >
          <CardToggle expanded={expanded} bodyId={bodyId} onToggle={() => setExpanded((v) => !v)}>
            {result.title}
          </CardToggle>
        </h3>
        {(result.affected.length > 0 || result.evidence.length > 0) && (
          <p className="-mt-1 text-xs text-slate-500">
            {result.affected.length > 0 && (
              <>
                {result.affected.length} affected node{result.affected.length === 1 ? "" : "s"}
                {totalHits > 0 && ` · ${totalHits.toLocaleString("en-US")} occurrence${totalHits === 1 ? "" : "s"}`}
              </>
            )}
            {result.affected.length > 0 && result.evidence.length > 0 && " · "}
            {result.evidence.length > 0 && `${result.evidence.length} evidence line${result.evidence.length === 1 ? "" : "s"}`}
          </p>
        )}
        {extra}
      </header>
      )}

      {expanded ? (
        <div id={bodyId} data-testid="card-body" className="divide-y divide-slate-100 border-t border-slate-100 px-5 sm:px-6">
          {result.description && (
            <Section label="Description">
              <RichText text={result.description} />
            </Section>
          )}
          {result.condition && (
            <Section label="Condition">
              <RichText text={result.condition} />
            </Section>
          )}
          {result.furtherInformation && (
            <Section label="Further information">
              <RichText text={result.furtherInformation} />
            </Section>
          )}
          {result.action && (
            <Section label="Action" tone="action">
              <RichText text={result.action} className="text-slate-800" copyable />
            </Section>
          )}
          {result.affected.length > 0 && (
            <Section label="Affected nodes">
              <AffectedTable affected={result.affected} />
            </Section>
          )}
          {result.evidence.length > 0 && (
            <Section label="Evidence">
              <LogSnippet evidence={result.evidence} card={anchor} printed={printed} />
            </Section>
          )}
          {folded.length > 0 && (
            <Section label={folded.every((f) => f.outcome === "missing") ? "Also waiting for it" : "Related checks"}>
              <ul className="space-y-2">
                {folded.map((f) => (
                  <FoldedCheck
                    key={f.signatureId}
                    result={f}
                    relation={RELATION_LABEL[result.related?.find((x) => x.signatureId === f.signatureId)?.relation ?? "related_check"]}
                  />
                ))}
              </ul>
            </Section>
          )}
          {result.references.length > 0 && (
            <Section label="References">
              <ul className="space-y-1.5 text-sm">
                {result.references.filter((r) => /^https?:\/\//i.test(r.url)).map((r) => (
                  <li key={r.url}>
                    <a href={r.url} target="_blank" rel="noreferrer noopener" className="link inline-flex items-baseline gap-1">
                      {r.title}
                      <ExternalIcon className="h-3 w-3 shrink-0 translate-y-px" />
                    </a>
                  </li>
                ))}
              </ul>
            </Section>
          )}
          {!defaultExpanded && (
            <div className="py-2">
              <button type="button" className="btn-ghost -ml-2 px-2 py-1 text-xs" onClick={() => setExpanded(false)} aria-expanded>
                Hide details
              </button>
            </div>
          )}
        </div>
      ) : compact ? null : (
        <div className="border-t border-slate-100 px-5 py-3 sm:px-6">
          {result.description && <RichText text={result.description} className="line-clamp-3 text-slate-600" />}
          {hasMore && (
            <button type="button" className="btn-ghost mt-1 -ml-2 px-2 py-1 text-xs" onClick={() => setExpanded(true)} aria-expanded={false}>
              Show details
            </button>
          )}
        </div>
      )}
    </article>
  );
}
