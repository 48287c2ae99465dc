// 404 for unknown pages and analyses that do not exist (or were deleted).
import Link from "next/link";
import { QuestionIcon } from "@/components/icons";

export default function NotFound() {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center py-16 text-center">
      <div className="flex h-12 w-12 items-center justify-center rounded-xl bg-slate-100 text-slate-500 ring-1 ring-slate-200">
        <QuestionIcon className="h-6 w-6" />
      </div>
      <p className="mt-5 font-mono text-xs font-medium tracking-wider text-slate-400">404</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">Nothing here</h1>
      <p className="mt-2 text-sm leading-relaxed text-slate-600">
        This page or analysis does not exist. Analyses can be removed after a while; if someone shared this link, ask them to upload the bundle
        again.
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-2">
        <Link href="/" className="btn-primary">
          Analyze a bundle
        </Link>
        <Link href="/analyses" className="btn-secondary">
          History
        </Link>
      </div>
    </div>
  );
}
