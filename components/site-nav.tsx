"use client";
// Header navigation with the current section marked for sighted and screen-reader users.
import Link from "next/link";
import { usePathname } from "next/navigation";

const ITEMS = [
  // On phones the logo (which links home) stands in for "Analyze", leaving room for the others.
  { href: "/", label: "Analyze", match: (p: string) => p === "/", phone: false },
  { href: "/analyses", label: "History", match: (p: string) => p.startsWith("/analyses") },
  { href: "/signatures", label: "Signatures", match: (p: string) => p.startsWith("/signatures") },
];

export function SiteNav() {
  const pathname = usePathname() ?? "/";
  return (
    <nav aria-label="Main" className="flex items-center gap-0.5 sm:gap-1">
      {ITEMS.map((item) => {
        const active = item.match(pathname);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={`${"phone" in item && item.phone === false ? "hidden sm:block" : ""} rounded-md px-1.5 py-1.5 sm:px-3 text-sm font-medium transition-colors ${
              active ? "bg-slate-100 text-slate-900" : "text-slate-600 hover:bg-slate-50 hover:text-slate-900"
            }`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
