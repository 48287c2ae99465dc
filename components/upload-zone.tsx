"use client";
// Choose or drop a bundle, peek inside it in the browser, then upload it with progress and open
// the analysis page the server returns. Several bundles at once (cluster peers, Expressway-E and -C)
// are each peeked and listed, then sent in one multipart request that makes a case. A single file the
// check finds the server would not analyse (empty, not a bundle, truncated, corrupt…) is not sent: the
// button stays off and the peek says why.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { UPLOAD_ACCEPT } from "@/lib/bundle/upload-verdict";
import { formatBytes, formatDuration, formatRate } from "@/lib/ui/format";
import { peerFolders } from "@/lib/bundle/peer-folders";
import { peekFile, type PeekSummary } from "@/lib/ui/peek-bundle";
import { uploadVerdict } from "@/lib/ui/upload-verdict";
import { BundlePeekView } from "./bundle-peek-view";
import { type ChosenBundle, MultiUploadList } from "./multi-upload-list";
import { ArchiveIcon, ErrorIcon, SpinnerIcon, UploadIcon } from "./icons";

type Upload =
  | { phase: "idle" }
  | { phase: "uploading"; loaded: number; total: number; rate: number; startedAt: number }
  | { phase: "processing" }
  | { phase: "done"; url: string }
  | { phase: "error"; message: string };

/** Header values must be Latin-1; anything else is sent percent-encoded. */
function filenameHeader(name: string): string {
  return /^[\x20-\x7e]*$/.test(name) ? name : encodeURIComponent(name);
}

function errorMessage(xhr: XMLHttpRequest): string {
  let message: string | null = null;
  try {
    const body = JSON.parse(xhr.responseText) as { error?: { message?: string } };
    message = body?.error?.message ?? null;
  } catch {
    // not JSON
  }
  if (xhr.status === 429) {
    const retry = Number(xhr.getResponseHeader("Retry-After"));
    const wait = Number.isFinite(retry) && retry > 0 ? ` Try again in ${formatDuration(retry * 1000)}.` : " Try again in a moment.";
    return `${message ?? "Too many uploads right now."}${message?.includes("again") ? "" : wait}`;
  }
  if (message) return message;
  if (xhr.status === 413) return "The file is larger than the server accepts.";
  return `The server answered ${xhr.status || "nothing"}${xhr.statusText ? ` (${xhr.statusText})` : ""}.`;
}

export function UploadZone() {
  const router = useRouter();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const xhrRef = useRef<XMLHttpRequest | null>(null);
  const peekAbort = useRef<AbortController | null>(null);
  const dragDepth = useRef(0);

  const [file, setFile] = useState<File | null>(null);
  const [peek, setPeek] = useState<PeekSummary | null>(null);
  const [peekError, setPeekError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [upload, setUpload] = useState<Upload>({ phase: "idle" });
  /** set when several files were chosen: they go up together as one case */
  const [many, setMany] = useState<ChosenBundle[] | null>(null);
  const manyAbort = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      peekAbort.current?.abort();
      manyAbort.current?.abort();
      xhrRef.current?.abort();
    },
    [],
  );

  const chooseMany = useCallback((list: File[]) => {
    peekAbort.current?.abort();
    manyAbort.current?.abort();
    setFile(null);
    setPeek(null);
    setPeekError(null);
    setUpload({ phase: "idle" });
    const ctrl = new AbortController();
    manyAbort.current = ctrl;
    setMany(list.map((f) => ({ file: f, peek: null, error: null })));
    // One at a time: peeking inflates in the browser, several at once would only compete.
    void (async () => {
      for (const f of list) {
        if (ctrl.signal.aborted) return;
        const done = await peekFile(f, { signal: ctrl.signal }).then(
          (p) => ({ peek: p, error: null }),
          (e: unknown) => ({ peek: null, error: e instanceof Error ? e.message : String(e) }),
        );
        if (ctrl.signal.aborted) return;
        setMany((cur) => cur?.map((b) => (b.file === f ? { ...b, ...done } : b)) ?? cur);
      }
    })();
  }, []);

  const choose = useCallback((f: File | null) => {
    manyAbort.current?.abort();
    setMany(null);
    peekAbort.current?.abort();
    setFile(f);
    setPeek(null);
    setPeekError(null);
    setUpload({ phase: "idle" });
    if (!f) return;
    const ctrl = new AbortController();
    peekAbort.current = ctrl;
    peekFile(f, { signal: ctrl.signal })
      .then((p) => {
        if (!ctrl.signal.aborted) setPeek(p);
      })
      .catch((e: unknown) => {
        if (!ctrl.signal.aborted) setPeekError(e instanceof Error ? e.message : String(e));
      });
  }, []);

  /** one archive holding a folder per peer: analysed one peer at a time, as a case */
  const splitFolders = peek ? peerFolders(peek.files) : [];
  const busy = upload.phase === "uploading" || upload.phase === "processing" || upload.phase === "done";
  const verdict = file ? uploadVerdict(file.size, peek) : null;
  const blocked = verdict?.blocked ? verdict : null;

  const start = () => {
    if (busy) return;
    if (many && many.length > 1) return send(many.map((b) => b.file));
    if (!file || blocked) return;
    send([file], splitFolders.length >= 2);
  };

  /** One file goes up raw as before; several in one multipart body, which the server makes a case of. */
  const send = (files: File[], split = false) => {
    const file = files[0];
    const total = files.reduce((n, f) => n + f.size, 0);
    const xhr = new XMLHttpRequest();
    xhrRef.current = xhr;
    const startedAt = performance.now();
    // rate over a sliding window so it reacts to changes without jumping around
    const samples: { t: number; loaded: number }[] = [{ t: startedAt, loaded: 0 }];
    setUpload({ phase: "uploading", loaded: 0, total, rate: 0, startedAt });

    xhr.upload.onprogress = (e) => {
      const t = performance.now();
      samples.push({ t, loaded: e.loaded });
      while (samples.length > 2 && t - samples[0].t > 3000) samples.shift();
      const first = samples[0];
      const rate = t > first.t ? ((e.loaded - first.loaded) * 1000) / (t - first.t) : 0;
      setUpload({ phase: "uploading", loaded: e.loaded, total: e.lengthComputable ? e.total : total, rate, startedAt });
    };
    xhr.upload.onload = () => setUpload({ phase: "processing" });
    xhr.onload = () => {
      xhrRef.current = null;
      if (xhr.status === 202 || xhr.status === 201 || xhr.status === 200) {
        try {
          const body = JSON.parse(xhr.responseText) as { id?: string; url?: string };
          const url = body.url ?? (body.id ? `/analyses/${encodeURIComponent(body.id)}` : null);
          if (!url) throw new Error("no url");
          setUpload({ phase: "done", url });
          router.push(url);
        } catch {
          setUpload({ phase: "error", message: "The server accepted the file but its answer could not be read." });
        }
        return;
      }
      setUpload({ phase: "error", message: errorMessage(xhr) });
    };
    xhr.onerror = () => {
      xhrRef.current = null;
      setUpload({ phase: "error", message: "The upload failed: the server could not be reached or closed the connection." });
    };
    xhr.onabort = () => {
      xhrRef.current = null;
      setUpload({ phase: "idle" });
    };
    xhr.open("POST", split ? "/api/analyses?split=peers" : "/api/analyses");
    xhr.setRequestHeader("Accept", "application/json");
    if (files.length > 1) {
      const form = new FormData();
      for (const f of files) form.append("file", f, f.name);
      xhr.send(form);
      return;
    }
    xhr.setRequestHeader("X-Filename", filenameHeader(file.name));
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.send(file);
  };

  const cancel = () => xhrRef.current?.abort();

  const openPicker = () => {
    if (!busy) inputRef.current?.click();
  };

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    dragDepth.current = 0;
    setDragging(false);
    if (busy) return;
    const list = [...(e.dataTransfer.files ?? [])];
    if (list.length > 1) chooseMany(list);
    else if (list[0]) choose(list[0]);
  };

  const pct = upload.phase === "uploading" && upload.total > 0 ? Math.min(100, Math.floor((upload.loaded / upload.total) * 100)) : upload.phase === "idle" || upload.phase === "error" ? 0 : 100;

  return (
    <div className="space-y-4">
      <input
        ref={inputRef}
        id={inputId}
        type="file"
        accept={UPLOAD_ACCEPT}
        multiple
        className="sr-only"
        tabIndex={-1}
        data-testid="upload-input"
        aria-label="Choose a diagnostic log bundle"
        onChange={(e) => {
          const list = [...(e.target.files ?? [])];
          if (list.length > 1) chooseMany(list);
          else choose(list[0] ?? null);
          // allow choosing the same file again after an error
          e.target.value = "";
        }}
        disabled={busy}
      />
      <div
        role="button"
        tabIndex={busy ? -1 : 0}
        aria-disabled={busy}
        aria-describedby={`${inputId}-hint`}
        data-testid="drop-zone"
        data-dragging={dragging ? "true" : undefined}
        onClick={openPicker}
        onKeyDown={(e) => {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            openPicker();
          }
        }}
        onDragEnter={(e) => {
          e.preventDefault();
          dragDepth.current++;
          setDragging(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = busy ? "none" : "copy";
        }}
        onDragLeave={() => {
          dragDepth.current = Math.max(0, dragDepth.current - 1);
          if (dragDepth.current === 0) setDragging(false);
        }}
        onDrop={onDrop}
        className={`group relative flex cursor-pointer flex-col items-center justify-center rounded-xl border-2 border-dashed px-6 text-center transition-colors ${
          file ? "py-6" : "py-12 sm:py-14"
        } ${
          dragging
            ? "border-brand-500 bg-brand-50"
            : "border-slate-300 bg-slate-50/60 hover:border-brand-400 hover:bg-brand-50/40"
        } ${busy ? "pointer-events-none opacity-60" : ""}`}
      >
        <div
          className={`flex h-11 w-11 items-center justify-center rounded-full bg-white text-brand-600 shadow-sm ring-1 ring-slate-200 transition-transform ${
            dragging ? "scale-110" : "group-hover:-translate-y-0.5"
          }`}
        >
          <UploadIcon className="h-5 w-5" />
        </div>
        <p className="mt-3 text-sm font-medium text-slate-900">
          {dragging ? "Drop to inspect" : file || many ? "Choose different files" : "Drop a diagnostic bundle here, or click to choose"}
        </p>
        <p id={`${inputId}-hint`} className="mt-1 text-xs text-slate-500">
          <span className="font-mono">diagnostic_log_&lt;host&gt;_&lt;date&gt;.tar.gz</span> · also .tgz, .tar, or a bare loggingsnapshot .txt / .log (gzipped or not) · several at once (every peer, Expressway-E and -C) make one case
        </p>
      </div>

      {(file || many) && (
        <div className="space-y-3">
          <div className="flex flex-wrap items-center gap-3">
            {many ? (
              <p className="min-w-[14rem] flex-1 text-sm text-slate-700" data-testid="selected-files">
                {many.length} bundles chosen · {formatBytes(many.reduce((n, b) => n + b.file.size, 0))}
              </p>
            ) : file && (
            <div className="flex min-w-[14rem] flex-1 items-center gap-3">
              <div className="flex h-9 w-9 shrink-0 items-center justify-center rounded-lg bg-brand-50 text-brand-700 ring-1 ring-brand-100">
                <ArchiveIcon className="h-5 w-5" />
              </div>
              <div className="min-w-0">
                <p className="truncate font-mono text-sm font-medium text-slate-900" title={file.name} data-testid="selected-file">
                  {file.name}
                </p>
                <p className="text-xs text-slate-500 tabular-nums">{formatBytes(file.size)}</p>
              </div>
            </div>
            )}
            <div className="ml-auto flex gap-2">
              {upload.phase === "uploading" ? (
                <button type="button" className="btn-secondary" onClick={cancel}>
                  Cancel
                </button>
              ) : (
                !busy && (
                  <button type="button" className="btn-ghost" onClick={() => choose(null)}>
                    Clear
                  </button>
                )
              )}
              <button
                type="button"
                className="btn-primary min-w-28"
                data-testid="analyze-button"
                onClick={start}
                disabled={busy || Boolean(blocked)}
                aria-describedby={blocked && !peek?.refusal ? `${inputId}-blocked` : undefined}
              >
                {busy ? <SpinnerIcon className="h-4 w-4" /> : null}
                {upload.phase === "uploading" ? "Uploading…" : upload.phase === "processing" || upload.phase === "done" ? "Opening…" : many ? `Analyze ${many.length} bundles` : "Analyze"}
              </button>
            </div>
          </div>

          {!many && splitFolders.length >= 2 && (
            <p className="rounded-lg border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-brand-900" data-testid="split-note">
              This archive holds one folder per peer ({splitFolders.join(", ")}): each peer is analysed on its own and they are shown together as one case.
            </p>
          )}
          {!many && blocked && !peek?.refusal && (
            <div
              id={`${inputId}-blocked`}
              role="alert"
              data-testid="upload-blocked"
              data-code={blocked.code}
              className="flex gap-3 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900"
            >
              <ErrorIcon className="mt-0.5 h-4 w-4 shrink-0 text-red-600" />
              <div className="min-w-0">
                <p className="font-medium">This file cannot be analyzed</p>
                <p className="mt-0.5 break-words text-red-900/85">{blocked.message}</p>
              </div>
            </div>
          )}

          {(upload.phase === "uploading" || upload.phase === "processing" || upload.phase === "done") && (
            <div className="rounded-lg border border-slate-200 bg-white px-4 py-3" aria-live="polite">
              <div className="flex items-baseline justify-between gap-3 text-xs">
                <span className="font-medium text-slate-700">
                  {upload.phase === "uploading" ? "Uploading" : upload.phase === "processing" ? `Upload complete, storing the bundle${many ? "s" : ""}…` : many ? "Opening the case…" : "Opening the analysis…"}
                </span>
                <span className="text-slate-500 tabular-nums">
                  {upload.phase === "uploading" ? (
                    <>
                      <span className="font-semibold text-slate-800">{pct}%</span> · {formatBytes(upload.loaded)} of {formatBytes(upload.total)} ·{" "}
                      {formatRate(upload.rate)}
                    </>
                  ) : (
                    <span className="font-semibold text-slate-800">100%</span>
                  )}
                </span>
              </div>
              <div
                className="mt-2 h-2 overflow-hidden rounded-full bg-slate-100"
                role="progressbar"
                aria-label="Upload progress"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={pct}
                aria-valuetext={`${pct}%`}
                data-testid="upload-progress"
                data-percent={pct}
              >
                <div
                  className={`h-full rounded-full bg-brand-600 transition-[width] duration-200 ${upload.phase !== "uploading" ? "animate-pulse" : ""}`}
                  style={{ width: `${pct}%` }}
                />
              </div>
            </div>
          )}

          {upload.phase === "error" && (
            <div role="alert" data-testid="upload-error" className="flex gap-3 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
              <ErrorIcon className="mt-0.5 h-4 w-4 shrink-0 text-red-600" />
              <div className="min-w-0">
                <p className="font-medium">The upload did not go through</p>
                <p className="mt-0.5 break-words text-red-900/85">{upload.message}</p>
              </div>
            </div>
          )}

          {many ? (
            <MultiUploadList
              bundles={many}
              busy={busy}
              onRemove={(i) => {
                const rest = many.filter((_, j) => j !== i);
                if (rest.length === 1) choose(rest[0].file);
                else setMany(rest);
              }}
            />
          ) : (
            <BundlePeekView peek={peek} error={peekError} />
          )}
        </div>
      )}
    </div>
  );
}
