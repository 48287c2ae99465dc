// / – upload a bundle: peek inside it in the browser, upload with progress, open its analysis.
import Link from "next/link";
import { CurlSnippet } from "@/components/curl-snippet";
import { UploadZone } from "@/components/upload-zone";
import { requirePageViewer } from "@/lib/auth/viewer";

export const dynamic = "force-dynamic";

const STEPS: { title: string; detail: React.ReactNode }[] = [
  { title: "Open the diagnostics page", detail: <>On the Expressway web UI go to <Path>Maintenance › Diagnostics › Diagnostic logging</Path>.</> },
  { title: "Start new log", detail: <>Tick <em>Take tcpdump while logging</em> if packets may matter, then click <Path>Start new log</Path>.</> },
  { title: "Reproduce the problem", detail: <>Log in with Jabber over MRA, place the failing call, or whatever shows the fault.</> },
  { title: "Stop, collect and download", detail: <>Click <Path>Stop logging</Path>, then <Path>Collect log</Path>, then <Path>Download log</Path>. Do this on every cluster peer involved.</> },
];

function Path({ children }: { children: React.ReactNode }) {
  return <span className="font-medium text-slate-800">{children}</span>;
}

export default async function HomePage() {
  const viewer = await requirePageViewer("/");
  return (
    <div className="space-y-8">
      <div className="max-w-3xl">
        <p className="eyebrow text-brand-700">Cisco Expressway · MRA · TLS · SIP</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-balance text-slate-900 sm:text-3xl">
          Analyze an Expressway diagnostic log bundle
        </h1>
        <p className="mt-2 text-[15px] leading-relaxed text-slate-600">
          Upload the <span className="font-mono text-[13px]">diagnostic_log_*.tar.gz</span> from an Expressway-C or -E. The analyzer reads the log,
          configuration and status dumps, matches them against known defects and misconfigurations, and shows each finding with the log lines it
          comes from and what to do about it.
        </p>
      </div>

      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
        <div className="contents lg:block lg:min-w-0 lg:space-y-6">
          <section className="card order-1 p-4 sm:p-6" aria-labelledby="upload-heading">
            <h2 id="upload-heading" className="sr-only">
              Upload a bundle
            </h2>
            <UploadZone />
            <p className="mt-4 text-xs leading-relaxed text-slate-500">
              The file is checked in your browser first (only its table of contents is read), then uploaded. Bundles hold customer data: the analysis
              belongs to the workspace <span className="font-medium text-slate-700">{viewer.workspace.name}</span> and only its members see it,
              plus anyone you send a share link to. See <Link href="/analyses" className="link">History</Link>.
            </p>
          </section>
          <section className="card order-3 p-5" aria-labelledby="script-heading">
            <h2 id="script-heading" className="text-sm font-semibold text-slate-900">
              From a script
            </h2>
            <p className="mt-1 mb-3 text-[13px] text-slate-600">
              Send the raw file as the request body, with an API token from <Link href="/settings" className="link">Settings</Link>:
            </p>
            <CurlSnippet />
          </section>
        </div>

        <aside className="order-2 min-w-0 space-y-6">
          <section className="card p-5" aria-labelledby="howto-heading">
            <h2 id="howto-heading" className="text-sm font-semibold text-slate-900">
              Getting a bundle from Expressway
            </h2>
            <ol className="mt-4 space-y-4">
              {STEPS.map((s, i) => (
                <li key={s.title} className="flex gap-3">
                  <span className="flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-brand-50 text-xs font-semibold text-brand-700 ring-1 ring-brand-100">
                    {i + 1}
                  </span>
                  <div className="min-w-0 pt-0.5">
                    <p className="text-sm font-medium text-slate-900">{s.title}</p>
                    <p className="mt-0.5 text-[13px] leading-relaxed text-slate-600">{s.detail}</p>
                  </div>
                </li>
              ))}
            </ol>
          </section>
        </aside>
      </div>
    </div>
  );
}
