// The signature catalog as a list of cards: title, defects, category, severity, products, the
// versions it applies to, what it checks and the inputs it needs.
import type { Catalog, CatalogEntry } from "@/lib/signatures/catalog";
import { describeAppliesTo } from "@/lib/signatures/catalog";
import { DefectBadge, SeverityBadge } from "./badges";
import { InlineText } from "./rich-text";

const CATEGORY_STYLE: Record<CatalogEntry["category"], string> = {
  defect: "bg-rose-50 text-rose-700 ring-rose-200",
  misconfiguration: "bg-amber-50 text-amber-800 ring-amber-200",
  informational: "bg-sky-50 text-sky-700 ring-sky-200",
};

function Chip({ children, className = "bg-slate-100 text-slate-700 ring-slate-200" }: { children: React.ReactNode; className?: string }) {
  return <span className={`inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${className}`}>{children}</span>;
}

function Entry({ s }: { s: CatalogEntry }) {
  return (
    <article className="card p-5 sm:p-6" id={s.id} data-testid="catalog-entry" data-signature-id={s.id}>
      <div className="flex flex-wrap items-center gap-2">
        <Chip className={CATEGORY_STYLE[s.category]}>{s.category}</Chip>
        <SeverityBadge severity={s.severity} />
        {s.defects.map((d) => (
          <DefectBadge key={d} id={d} />
        ))}
        <span className="ml-auto font-mono text-[11px] text-slate-400 [overflow-wrap:anywhere]">
          {s.id} <span className="text-slate-300">v{s.version}</span>
        </span>
      </div>
      <h2 className="mt-2 text-base font-semibold text-balance text-slate-900">{s.title}</h2>
      <p className="mt-1.5 text-sm leading-relaxed text-slate-600">
        <InlineText text={s.summary} />
      </p>
      <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[9rem_minmax(0,1fr)]">
        <dt className="eyebrow pt-0.5">Area</dt>
        <dd className="text-slate-700">{s.area}</dd>
        <dt className="eyebrow pt-0.5">Products</dt>
        <dd className="flex flex-wrap gap-1.5">
          {s.products.map((p) => (
            <Chip key={p}>{p}</Chip>
          ))}
        </dd>
        <dt className="eyebrow pt-0.5">Applies to</dt>
        <dd className="text-slate-700">{describeAppliesTo(s.appliesTo)}</dd>
        <dt className="eyebrow pt-0.5">Needs</dt>
        <dd>
          <ul className="list-disc space-y-0.5 pl-4 text-slate-700 marker:text-slate-300">
            {s.inputs.map((i) => (
              <li key={i}>
                <InlineText text={i} />
              </li>
            ))}
          </ul>
        </dd>
        {s.needles.length > 0 && (
          <>
            <dt className="eyebrow pt-0.5">Looks for</dt>
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
  );
}

export function SignatureCatalog({ catalog }: { catalog: Catalog }) {
  const counts = { defect: 0, misconfiguration: 0, informational: 0 };
  for (const s of catalog.signatures) counts[s.category]++;
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Signature catalog</h1>
        <p className="max-w-3xl text-sm text-slate-600">
          Every check an analysis runs: what it recognises, the Cisco defects it stands for, the versions it applies to and the inputs it needs.
          A check without its inputs says so under <em>Missing information</em> and tells you what to collect.
        </p>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
          <span>
            Catalog <span className="font-mono font-semibold text-slate-700" data-testid="catalog-version">{catalog.catalogVersion}</span>
          </span>
          <span aria-hidden="true">·</span>
          <span>{catalog.signatures.length} signatures</span>
          <span aria-hidden="true">·</span>
          <span>
            {counts.defect} defects, {counts.misconfiguration} misconfigurations{counts.informational ? `, ${counts.informational} informational` : ""}
          </span>
          <span aria-hidden="true">·</span>
          <a className="link" href="/api/signatures">
            JSON
          </a>
        </p>
      </header>
      <div className="grid gap-4 xl:grid-cols-2">
        {catalog.signatures.map((s) => (
          <Entry key={s.id} s={s} />
        ))}
      </div>
    </div>
  );
}
