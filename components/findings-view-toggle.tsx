"use client";
// Cards or a compact list: how the findings are laid out. "List" shows one line per finding (open one
// to read it whole); "Cards" opens every card that needs attention. Remembered for the next visit.
import { useViewPreference } from "@/lib/ui/view-preferences";

const OPTIONS = [
  { value: "cards", label: "Cards", testId: "view-cards" },
  { value: "list", label: "List", testId: "view-list" },
] as const;

export function FindingsViewToggle() {
  const [view, setView] = useViewPreference("findingsView");
  return (
    <div role="group" aria-label="Show findings as" className="inline-flex shrink-0 rounded-lg border border-slate-300 bg-white p-0.5 shadow-sm">
      {OPTIONS.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={view === o.value}
          data-testid={o.testId}
          onClick={() => setView(o.value)}
          className={`rounded-md px-2.5 py-1 text-xs font-medium transition-colors ${
            view === o.value ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"
          }`}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
