"use client";
// One-click copy with a short confirmation; falls back to a hidden textarea where the Clipboard
// API is unavailable (plain-http intranet hosts are not a secure context).
import { useEffect, useRef, useState } from "react";
import { CheckIcon, CopyIcon, LinkIcon } from "./icons";

export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the legacy path
  }
  try {
    const ta = document.createElement("textarea");
    ta.value = text;
    ta.setAttribute("readonly", "");
    ta.style.position = "fixed";
    ta.style.opacity = "0";
    document.body.appendChild(ta);
    ta.select();
    const ok = document.execCommand("copy");
    document.body.removeChild(ta);
    return ok;
  } catch {
    return false;
  }
}

function useCopied(): [boolean | null, (text: string) => void] {
  const [state, setState] = useState<boolean | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  const copy = (text: string) => {
    void copyText(text).then((ok) => {
      setState(ok);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => setState(null), 1600);
    });
  };
  return [state, copy];
}

/** Icon-only copy button sitting next to inline code. Its name is the short label, never the text it
 * copies (a screen reader would read a whole log excerpt for every button). */
export function CopyIconButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [copied, copy] = useCopied();
  return (
    <button
      type="button"
      onClick={() => copy(text)}
      className="inline-flex h-5 w-5 shrink-0 items-center justify-center rounded text-slate-400 transition-colors hover:bg-slate-200 hover:text-slate-700"
      aria-label={copied ? "Copied" : label}
      title={copied ? "Copied" : label}
    >
      {copied ? <CheckIcon className="h-3.5 w-3.5 text-emerald-600" /> : <CopyIcon className="h-3.5 w-3.5" />}
      <span className="sr-only" role="status">
        {copied ? "Copied" : ""}
      </span>
    </button>
  );
}

/** A labelled button that copies a given text, or the current page URL when `text` is omitted. */
export function CopyButton({
  text,
  label,
  icon = "copy",
  className = "btn-secondary",
  testId,
}: {
  text?: string;
  label: string;
  icon?: "copy" | "link";
  className?: string;
  testId?: string;
}) {
  const [copied, copy] = useCopied();
  const Icon = icon === "link" ? LinkIcon : CopyIcon;
  return (
    <button
      type="button"
      className={className}
      data-testid={testId}
      onClick={() => copy(text ?? window.location.href)}
    >
      {copied ? <CheckIcon className="h-4 w-4 text-emerald-600" /> : <Icon className="h-4 w-4" />}
      <span aria-live="polite">{copied === null ? label : copied ? "Copied" : "Copy failed"}</span>
    </button>
  );
}
