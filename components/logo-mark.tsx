// The product mark: a diagnostic trace across an edge node, drawn inline so the app works offline.
export function LogoMark({ className = "h-7 w-7" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id="lm-bg" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#1586c2" />
          <stop offset="1" stopColor="#0b4f7a" />
        </linearGradient>
      </defs>
      <rect x="1" y="1" width="30" height="30" rx="8" fill="url(#lm-bg)" />
      <path d="M5 17.5h5.2l2.6-7 4.4 13 2.8-8.2 1.4 2.2H27" fill="none" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
      <circle cx="27" cy="17.5" r="1.6" fill="#7fd3ff" />
    </svg>
  );
}
