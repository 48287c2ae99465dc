// Root layout: header with the product mark and navigation, page content, footer.
import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { LogoMark } from "@/components/logo-mark";
import { SiteNav } from "@/components/site-nav";
import { getPageViewer } from "@/lib/auth/viewer";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Expressway Analyzer", template: "%s · Expressway Analyzer" },
  description: "Upload a Cisco Expressway diagnostic log bundle and get a diagnostic overview: known defects, evidence and fixes.",
  icons: { icon: "/icon.svg" },
};

export const viewport: Viewport = {
  themeColor: "#0b6ca6",
  width: "device-width",
  initialScale: 1,
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getPageViewer();
  const account = viewer ? { name: viewer.name, email: viewer.email, workspace: viewer.workspace.name } : null;
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow"
        >
          Skip to content
        </a>
        <header className="sticky top-0 z-30 border-b border-slate-200/80 bg-white/85 backdrop-blur supports-[backdrop-filter]:bg-white/70">
          <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-2 px-4 sm:px-6">
            <Link href="/" className="flex shrink-0 items-center gap-2 rounded-md sm:gap-2.5" aria-label="Expressway Analyzer home">
              <LogoMark />
              <span className="text-[15px] font-semibold tracking-tight whitespace-nowrap text-slate-900 max-[420px]:sr-only">
                Expressway <span className="text-brand-600">Analyzer</span>
              </span>
            </Link>
            <SiteNav account={account} />
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 sm:py-10">
          {children}
        </main>
        <footer className="border-t border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl flex-col gap-1 px-4 py-5 text-xs text-slate-500 sm:flex-row sm:items-center sm:justify-between sm:px-6">
            <p>Expressway Analyzer · diagnostic overview for Cisco Expressway log bundles</p>
            <p>Findings point at the log lines they come from. Verify before changing production.</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
