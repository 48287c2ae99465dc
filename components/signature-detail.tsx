// One signature's page: what it checks, what it reads from a bundle, the outcomes it can give and
// what each means, and its Cisco defects and references.
import Link from "next/link";
import { OUTCOME_LABELS, type Outcome } from "@/lib/results/types";
import type { CatalogEntry } from "@/lib/signatures/catalog";
import { DefectBadge, OUTCOME_STYLE, SeverityBadge } from "./badges";
import { InlineText } from "./rich-text";
import { CATEGORY_STYLE, Chip } from "./signature-catalog-list";

const OUTCOME_MEANING: Record<Outcome, string> = {
  issue: "The bundle shows the problem: the card names the affected nodes, why, what to do and the lines that prove it.",
  potential: "Something points at the problem but does not prove it (it came and went, or is about to happen).",
  ok: "The inputs were there and do not show the problem.",
  not_applicable: "The check does not apply to this box (version, role or configuration).",
  missing: "The bundle lacks the inputs; the card says what to collect.",
};

export type ReadFact = { key: string; what: string; required: boolean };

export function SignatureDetail({ s, appliesTo, facts }: { s: CatalogEntry; appliesTo: string; facts: ReadFact[] }) {
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <nav className="text-sm">
        <Link href="/signatures" className="link">
          ← Signature catalog
        </Link>
      </nav>
      <article className="card p-5 sm:p-7" data-testid="signature-detail" data-signature-id={s.id}>
        <div className="flex flex-wrap items-center gap-2">
          <Chip className={CATEGORY_STYLE[s.category]}>{s.category}</Chip>
          <SeverityBadge severity={s.severity} />
          {s.defects.map((d) => (
            <DefectBadge key={d} id={d} />
          ))}
          <span className="ml-auto font-mono text-xs text-slate-400 [overflow-wrap:anywhere]">
            {s.id} <span className="text-slate-300">v{s.version}</span>
          </span>
        </div>
        <h1 className="mt-3 text-xl font-semibold text-balance text-slate-900 sm:text-2xl">{s.title}</h1>
        <p className="mt-2 text-sm leading-relaxed text-slate-600">
          <InlineText text={s.summary} />
        </p>

        <dl className="mt-6 grid gap-x-6 gap-y-4 text-sm sm:grid-cols-[10rem_minmax(0,1fr)]">
          <dt className="eyebrow pt-0.5">Area</dt>
          <dd className="text-slate-700">
            <Link className="link" href={`/signatures?area=${encodeURIComponent(s.area)}`}>
              {s.area}
            </Link>
          </dd>
          <dt className="eyebrow pt-0.5">Products</dt>
          <dd className="flex flex-wrap gap-1.5">
            {s.products.map((p) => (
              <Chip key={p}>{p}</Chip>
            ))}
          </dd>
          <dt className="eyebrow pt-0.5">Applies to</dt>
          <dd className="text-slate-700">{appliesTo}</dd>
          <dt className="eyebrow pt-0.5">Reads</dt>
          <dd>
            <ul className="list-disc space-y-0.5 pl-4 text-slate-700 marker:text-slate-300" data-testid="signature-reads">
              {s.inputs.map((i) => (
                <li key={i}>
                  <InlineText text={i} />
                </li>
              ))}
            </ul>
          </dd>
          {facts.length > 0 && (
            <>
              <dt className="eyebrow pt-0.5">Facts</dt>
              <dd>
                <ul className="space-y-1 text-slate-700" data-testid="signature-facts">
                  {facts.map((f) => (
                    <li key={f.key} className="flex min-w-0 flex-wrap items-baseline gap-x-2">
                      <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800 ring-1 ring-slate-200 ring-inset">{f.key}</code>
                      <span className="text-slate-600">{f.what}</span>
                      {f.required && <span className="text-xs font-medium text-violet-700">required: without it the check answers Missing information</span>}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          {s.needles.length > 0 && (
            <>
              <dt className="eyebrow pt-0.5">Log phrases</dt>
              <dd className="flex min-w-0 flex-wrap gap-1.5">
                {s.needles.map((n) => (
                  <code key={n} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800 ring-1 ring-slate-200 ring-inset [overflow-wrap:anywhere]">
                    {n}
                  </code>
                ))}
              </dd>
            </>
          )}
        </dl>
      </article>

      {s.outcomes.length > 0 && (
        <section className="card overflow-hidden" aria-labelledby="outcomes-title">
          <h2 id="outcomes-title" className="border-b border-slate-100 px-5 py-4 text-base font-semibold text-slate-900 sm:px-6">
            Outcomes it can give
          </h2>
          <ul className="divide-y divide-slate-100" data-testid="signature-outcomes">
            {s.outcomes.map((o) => {
              const st = OUTCOME_STYLE[o];
              return (
                <li key={o} className="flex gap-3 px-5 py-3 text-sm sm:px-6" data-outcome={o}>
                  <st.Icon className={`mt-0.5 h-4 w-4 shrink-0 ${st.text}`} />
                  <div className="min-w-0">
                    <p className={`font-medium ${st.text}`}>{OUTCOME_LABELS[o]}</p>
                    <p className="text-slate-600">{OUTCOME_MEANING[o]}</p>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <section className="card p-5 sm:p-6" aria-labelledby="refs-title">
        <h2 id="refs-title" className="text-base font-semibold text-slate-900">
          Defects and references
        </h2>
        {s.defects.length === 0 && s.references.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No Cisco defect or public reference is attached to this signature.</p>
        ) : (
          <ul className="mt-3 space-y-2 text-sm" data-testid="signature-references">
            {s.defects.map((d) => (
              <li key={d} className="flex flex-wrap items-center gap-2">
                <DefectBadge id={d} />
                <span className="text-slate-600">Cisco Bug Search</span>
              </li>
            ))}
            {s.references.map((r) => (
              <li key={r.url} className="min-w-0 [overflow-wrap:anywhere]">
                <a href={r.url} target="_blank" rel="noreferrer noopener" className="link">
                  {r.title}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
