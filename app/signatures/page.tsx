// /signatures – the catalog: what each signature checks, what it needs, which versions it covers;
// searchable and filterable (?q=, ?product=, ?area=, ?category=, ?defect= preset the filters).
import type { Metadata } from "next";
import { SignatureCatalog } from "@/components/signature-catalog";
import { requirePageViewer } from "@/lib/auth/viewer";
import { getCatalog } from "@/lib/signatures/catalog";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Signatures" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function SignaturesPage({ searchParams }: { searchParams: Search }) {
  await requirePageViewer("/signatures");
  const sp = await searchParams;
  const one = (k: string) => {
    const v = sp[k];
    return (Array.isArray(v) ? v[0] : v)?.slice(0, 200) ?? "";
  };
  return <SignatureCatalog catalog={getCatalog()} filters={{ q: one("q"), product: one("product"), area: one("area"), category: one("category"), defect: one("defect") }} />;
}
