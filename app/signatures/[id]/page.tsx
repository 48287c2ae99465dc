// /signatures/:id – one signature: what it reads, the outcomes it can give, its defects and references.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SignatureDetail } from "@/components/signature-detail";
import { requirePageViewer } from "@/lib/auth/viewer";
import { describeAppliesTo, getCatalogEntry } from "@/lib/signatures/catalog";
import { FACT_INPUTS, type FactKey } from "@/lib/facts/fact-inputs";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const s = getCatalogEntry((await params).id);
  return { title: s ? s.title : "Signature not found" };
}

export default async function SignaturePage({ params }: Props) {
  const { id } = await params;
  await requirePageViewer(`/signatures/${encodeURIComponent(id)}`);
  const s = getCatalogEntry(id);
  if (!s) notFound();
  const facts = s.reads.map((k) => ({ key: k, what: FACT_INPUTS[k as FactKey]?.what ?? k, required: s.requires.includes(k) }));
  return <SignatureDetail s={s} appliesTo={describeAppliesTo(s.appliesTo)} facts={facts} />;
}
