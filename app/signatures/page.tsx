// /signatures – the catalog: what each signature checks, what it needs, which versions it covers.
import type { Metadata } from "next";
import { SignatureCatalog } from "@/components/signature-catalog";
import { requirePageViewer } from "@/lib/auth/viewer";
import { getCatalog } from "@/lib/signatures/catalog";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Signatures" };

export default async function SignaturesPage() {
  await requirePageViewer("/signatures");
  return <SignatureCatalog catalog={getCatalog()} />;
}
