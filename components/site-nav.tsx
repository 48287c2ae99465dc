"use client";
// Header navigation with the current section marked for sighted and screen-reader users, and the
// account menu (workspace, settings, sign out) or a sign-in link.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";

const ITEMS = [
  // On phones the logo (which links home) stands in for "Analyze", leaving room for the others.
  { href: "/", label: "Analyze", match: (p: string) => p === "/", phone: false },
  { href: "/analyses", label: "History", match: (p: string) => p.startsWith("/analyses") || p.startsWith("/hosts") },
  { href: "/cases", label: "Cases", match: (p: string) => p.startsWith("/cases") },
  { href: "/signatures", label: "Signatures", match: (p: string) => p.startsWith("/signatures") },
];

export type Account = { name: string; email: string; workspace: string };

export function SiteNav({ account }: { account: Account | null }) {
  const pathname = usePathname() ?? "/";
  const link = (active: boolean) =>
    `rounded-md px-2 py-1.5 sm:px-3 text-sm font-medium transition-colors ${
      active ? "bg-slate-100 text-slate-900" : "text-slate-600 hover:bg-slate-50 hover:text-slate-900"
    }`;
  if (!account) {
    const onAuthPage = pathname === "/sign-in" || pathname === "/sign-up";
    return (
      <nav aria-label="Main" className="flex items-center gap-1">
        <Link href="/sign-in" className={link(pathname === "/sign-in")} aria-current={pathname === "/sign-in" ? "page" : undefined}>
          Sign in
        </Link>
        {!onAuthPage && (
          <Link href="/sign-up" className="btn-primary px-3 py-1.5">
            Sign up
          </Link>
        )}
      </nav>
    );
  }
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
      <AccountMenu account={account} active={pathname.startsWith("/settings")} />
    </nav>
  );
}

function AccountMenu({ account, active }: { account: Account; active: boolean }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const initial = (account.name || account.email).trim().charAt(0).toUpperCase() || "?";

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  const signOut = async () => {
    await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).catch(() => {});
    window.location.assign("/sign-in");
  };

  return (
    <div className="relative ml-1" ref={ref}>
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-haspopup="menu"
        aria-label={`Account: ${account.email}`}
        data-testid="account-menu"
        className={`flex h-8 w-8 items-center justify-center rounded-full text-sm font-semibold ring-1 transition-colors ${
          active || open ? "bg-brand-600 text-white ring-brand-600" : "bg-brand-50 text-brand-700 ring-brand-200 hover:bg-brand-100"
        }`}
      >
        {initial}
      </button>
      {open && (
        <div role="menu" className="absolute right-0 z-40 mt-2 w-64 max-w-[calc(100vw-2rem)] overflow-hidden rounded-xl border border-slate-200 bg-white shadow-lg">
          <div className="border-b border-slate-100 px-4 py-3">
            <p className="truncate text-sm font-medium text-slate-900">{account.name}</p>
            <p className="truncate text-xs text-slate-500">{account.email}</p>
            <p className="mt-2 truncate text-xs text-slate-500">
              Workspace <span className="font-medium text-slate-700">{account.workspace}</span>
            </p>
          </div>
          <div className="p-1">
            <Link role="menuitem" href="/settings" onClick={() => setOpen(false)} className="block rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-50">
              Settings, tokens and team
            </Link>
            <button role="menuitem" type="button" onClick={signOut} data-testid="sign-out" className="block w-full rounded-md px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-50">
              Sign out
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
