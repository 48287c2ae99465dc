"use client";
// The scripted upload, pointed at this server once the page knows its own address.
import { useEffect, useState } from "react";
import { CopyIconButton } from "./copy-button";

const FILE = "diagnostic_log_expc1_2024-03-05_09_12_40.tar.gz";

export function CurlSnippet() {
  const [origin, setOrigin] = useState("http://<host>");
  useEffect(() => setOrigin(window.location.origin), []);
  const command = `curl -H "Authorization: Bearer $EA_TOKEN" --data-binary @${FILE} -H "X-Filename: ${FILE}" ${origin}/api/analyses`;
  return (
    <div className="relative rounded-lg bg-slate-950 ring-1 ring-slate-800">
      <div className="flex items-center justify-between border-b border-slate-800 px-3 py-1.5">
        <span className="font-mono text-[11px] text-slate-500">shell</span>
        <span className="[&_button]:text-slate-500 [&_button:hover]:bg-slate-800 [&_button:hover]:text-slate-200">
          <CopyIconButton text={command} label="Copy command" />
        </span>
      </div>
      <pre className="scroll-thin overflow-x-auto px-3 py-2.5 font-mono text-[12px] leading-5 text-slate-200">
        <code>
          <span className="text-slate-500">$ </span>
          <span className="text-sky-300">curl</span> -H <span className="text-emerald-300">&quot;Authorization: Bearer $EA_TOKEN&quot;</span> {"\\\n    "}--data-binary <span className="text-amber-200">@{FILE}</span> {"\\\n    "}-H{" "}
          <span className="text-emerald-300">&quot;X-Filename: {FILE}&quot;</span> {"\\\n    "}
          {origin}/api/analyses
        </code>
      </pre>
      <p className="border-t border-slate-800 px-3 py-2 text-[11px] leading-4 text-slate-500">
        Answers <span className="font-mono text-slate-400">202 {"{ id, status, url }"}</span>; poll{" "}
        <span className="font-mono text-slate-400">GET /api/analyses/&lt;id&gt;</span> for the JSON result.
      </p>
    </div>
  );
}
