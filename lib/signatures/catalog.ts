// The catalog as data: what each signature checks and needs (GET /api/signatures, /signatures).
import { z } from "zod";
import { CATEGORIES, PRODUCTS, appliesToSchema } from "@/lib/signatures/signature";
import { outcomeSchema, referenceSchema, severitySchema } from "@/lib/results/types";
import { CATALOG_VERSION, SIGNATURES } from "@/lib/signatures/registry";

export const catalogEntrySchema = z.object({
  id: z.string(),
  version: z.number().int().positive(),
  title: z.string(),
  defects: z.array(z.string()),
  category: z.enum(CATEGORIES),
  area: z.string(),
  summary: z.string(),
  severity: severitySchema,
  products: z.array(z.enum(PRODUCTS)),
  appliesTo: appliesToSchema,
  inputs: z.array(z.string()),
  /** the facts the rule reads, and those without which it answers "missing" */
  reads: z.array(z.string()),
  requires: z.array(z.string()),
  needles: z.array(z.string()),
  references: z.array(referenceSchema),
  /** the outcomes the rule can give */
  outcomes: z.array(outcomeSchema),
});
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

export const catalogSchema = z.object({ catalogVersion: z.string(), signatures: z.array(catalogEntrySchema) });
export type Catalog = z.infer<typeof catalogSchema>;

export function getCatalog(): Catalog {
  return catalogSchema.parse({
    catalogVersion: CATALOG_VERSION,
    signatures: SIGNATURES.map((s) => ({
      id: s.id,
      version: s.version,
      title: s.title,
      defects: s.defects,
      category: s.category,
      area: s.area,
      summary: s.summary,
      severity: s.severity,
      products: s.products,
      appliesTo: s.appliesTo,
      inputs: s.inputs,
      reads: [...s.reads],
      requires: [...s.requires],
      needles: s.needles,
      references: s.references,
      outcomes: s.outcomes,
    })),
  });
}

/** "X14.2.0 and later", "below X14.2", "all versions" */
export function describeAppliesTo(a: { from: string | null; below: string | null }): string {
  if (a.from && a.below) return `${a.from} up to ${a.below} (excluded)`;
  if (a.from) return `${a.from} and later`;
  if (a.below) return `below ${a.below}`;
  return "all versions";
}

export function getCatalogEntry(id: string): CatalogEntry | null {
  return getCatalog().signatures.find((s) => s.id === id) ?? null;
}
