// A failed action's message in a panel or form (read out by screen readers as it appears).
import type { ReactNode } from "react";

export function ErrorNotice({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <p role="alert" className={`rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 ${className}`}>{children}</p>;
}
