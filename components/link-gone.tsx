// The page a link shows once it no longer opens anything (a revoked or expired share link, a used or
// expired invite): what happened, when, and what the visitor can do, instead of a generic 404.
import { ClockIcon, MinusCircleIcon, QuestionIcon } from "./icons";
import { LocalTime } from "./local-time";

const ICON = { revoked: MinusCircleIcon, expired: ClockIcon, used: MinusCircleIcon, unknown: QuestionIcon } as const;

export function LinkGone({
  kind,
  eyebrow,
  title,
  at,
  atLabel,
  children,
  actions,
}: {
  kind: keyof typeof ICON;
  eyebrow: string;
  title: string;
  /** when it stopped working */
  at?: string | null;
  atLabel?: string;
  children: React.ReactNode;
  actions?: React.ReactNode;
}) {
  const Icon = ICON[kind];
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center py-12 text-center sm:py-16" data-testid="link-gone" data-state={kind}>
      <div className="flex h-12 w-12 items-center justify-center rounded-xl bg-slate-100 text-slate-500 ring-1 ring-slate-200">
        <Icon className="h-6 w-6" />
      </div>
      <p className="mt-5 eyebrow">{eyebrow}</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-balance text-slate-900">{title}</h1>
      {at && (
        <p className="mt-1 text-sm text-slate-500">
          {atLabel ?? "Since"} <LocalTime iso={at} />
        </p>
      )}
      <div className="mt-3 text-sm leading-relaxed text-slate-600 [overflow-wrap:anywhere]">{children}</div>
      {actions && <div className="mt-6 flex flex-wrap justify-center gap-2">{actions}</div>}
    </div>
  );
}
