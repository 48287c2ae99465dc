// The signature catalog page: header with counts, then the searchable, filterable list. The list
// gets plain data (the "applies to" sentence made here) so nothing of the rules reaches the browser.
import type { Catalog } from "@/lib/signatures/catalog";
import { describeAppliesTo } from "@/lib/signatures/catalog";
import { type CatalogFilters, type CatalogListEntry, SignatureCatalogList } from "./signature-catalog-list";

export function SignatureCatalog({ catalog, filters }: { catalog: Catalog; filters: CatalogFilters }) {
  const counts = { defect: 0, misconfiguration: 0, informational: 0 };
  for (const s of catalog.signatures) counts[s.category]++;
  const entries: CatalogListEntry[] = catalog.signatures.map((s) => ({ ...s, appliesToText: describeAppliesTo(s.appliesTo) }));
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
      <SignatureCatalogList entries={entries} initial={filters} />
    </div>
  );
}
