"use client";
// The catalog's list with search and filters (product, area, category, defect ID). Filtering runs
// in the browser over the few dozen entries; the filters start from the page's query string so a
// link such as /signatures?defect=CSCwc69661 opens filtered.
import Link from "next/link";
import { useMemo, useState } from "react";
import type { CatalogEntry } from "@/lib/signatures/catalog";
import { DefectBadge, SeverityBadge } from "./badges";
import { InlineText } from "./rich-text";

export type CatalogListEntry = CatalogEntry & { appliesToText: string };
export type CatalogFilters = { q: string; product: string; area: string; category: string; defect: string };

export const CATEGORY_STYLE: Record<CatalogEntry["category"], string> = {
  defect: "bg-rose-50 text-rose-700 ring-rose-200",
  misconfiguration: "bg-amber-50 text-amber-800 ring-amber-200",
  informational: "bg-sky-50 text-sky-700 ring-sky-200",
};

export function Chip({ children, className = "bg-slate-100 text-slate-700 ring-slate-200" }: { children: React.ReactNode; className?: string }) {
  return <span className={`inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${className}`}>{children}</span>;
}

function matches(s: CatalogListEntry, f: CatalogFilters): boolean {
  if (f.product && !s.products.includes(f.product as CatalogEntry["products"][number])) return false;
  if (f.area && s.area !== f.area) return false;
  if (f.category && s.category !== f.category) return false;
  const defect = f.defect.trim().toLowerCase();
  if (defect && !s.defects.some((d) => d.toLowerCase().includes(defect))) return false;
  const words = f.q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length > 0) {
    const hay = [s.id, s.title, s.summary, s.area, ...s.defects, ...s.needles, ...s.inputs].join(" ").toLowerCase();
    if (!words.every((w) => hay.includes(w))) return false;
  }
  return true;
}

function Entry({ s }: { s: CatalogListEntry }) {
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
      <h2 className="mt-2 text-base font-semibold text-balance text-slate-900">
        <Link href={`/signatures/${s.id}`} className="hover:text-brand-700 hover:underline">
          {s.title}
        </Link>
      </h2>
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
        <dd className="text-slate-700">{s.appliesToText}</dd>
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
      <p className="mt-4 text-sm">
        <Link href={`/signatures/${s.id}`} className="link">
          Outcomes, inputs and references
        </Link>
      </p>
    </article>
  );
}

const FIELD = "block w-full min-w-0 rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600";

export function SignatureCatalogList({ entries, initial }: { entries: CatalogListEntry[]; initial: CatalogFilters }) {
  const [f, setF] = useState<CatalogFilters>(initial);
  const areas = useMemo(() => [...new Set(entries.map((e) => e.area))].sort(), [entries]);
  const products = useMemo(() => [...new Set(entries.flatMap((e) => e.products))].sort(), [entries]);
  const shown = entries.filter((e) => matches(e, f));
  const set = (k: keyof CatalogFilters) => (ev: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setF({ ...f, [k]: ev.target.value });
  const any = Object.values(f).some((v) => v !== "");
  return (
    <div className="space-y-4">
      <form className="card grid gap-3 p-4 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_repeat(4,minmax(0,1fr))]" role="search" aria-label="Filter signatures" onSubmit={(e) => e.preventDefault()}>
        <label className="min-w-0 text-xs font-medium text-slate-600">
          Search
          <input type="search" value={f.q} onChange={set("q")} placeholder="title, id, phrase, area…" className={`${FIELD} mt-1`} data-testid="catalog-search" />
        </label>
        <label className="min-w-0 text-xs font-medium text-slate-600">
          Product
          <select value={f.product} onChange={set("product")} className={`${FIELD} mt-1`} data-testid="catalog-product">
            <option value="">All products</option>
            {products.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label className="min-w-0 text-xs font-medium text-slate-600">
          Area
          <select value={f.area} onChange={set("area")} className={`${FIELD} mt-1`} data-testid="catalog-area">
            <option value="">All areas</option>
            {areas.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
        <label className="min-w-0 text-xs font-medium text-slate-600">
          Category
          <select value={f.category} onChange={set("category")} className={`${FIELD} mt-1`} data-testid="catalog-category">
            <option value="">All categories</option>
            <option value="defect">defect</option>
            <option value="misconfiguration">misconfiguration</option>
            <option value="informational">informational</option>
          </select>
        </label>
        <label className="min-w-0 text-xs font-medium text-slate-600">
          Defect ID
          <input type="text" value={f.defect} onChange={set("defect")} placeholder="CSCwc69661" className={`${FIELD} mt-1 font-mono`} data-testid="catalog-defect" />
        </label>
      </form>
      <p className="flex flex-wrap items-center gap-x-3 text-xs text-slate-500" aria-live="polite">
        <span data-testid="catalog-shown">
          {shown.length} of {entries.length} signatures
        </span>
        {any && (
          <button type="button" className="link" onClick={() => setF({ q: "", product: "", area: "", category: "", defect: "" })}>
            Clear filters
          </button>
        )}
      </p>
      {shown.length === 0 ? (
        <p className="card p-5 text-sm text-slate-600">No signature matches these filters.</p>
      ) : (
        <div className="grid gap-4 xl:grid-cols-2">
          {shown.map((s) => (
            <Entry key={s.id} s={s} />
          ))}
        </div>
      )}
    </div>
  );
}
