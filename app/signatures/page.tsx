// /signatures – the catalog: what each signature checks, what it needs, which versions it covers.
import type { Metadata } from "next";
import { SignatureCatalog } from "@/components/signature-catalog";
import { getCatalog } from "@/lib/signatures/catalog";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Signatures" };

export default function SignaturesPage() {
  return <SignatureCatalog catalog={getCatalog()} />;
}
