// The one error type the reader and the pipeline throw for a bundle they cannot analyse.
// `code` is stable (the API maps it to a status and shows `message` to the user).

export const BUNDLE_ERROR_CODES = [
  "empty_file",
  "unsupported_format",
  "truncated",
  "corrupt",
  "decompression_bomb",
  "too_large",
  "too_many_entries",
  "no_expressway_files",
  "aborted",
] as const;

export type BundleErrorCode = (typeof BUNDLE_ERROR_CODES)[number];

export class BundleError extends Error {
  readonly code: BundleErrorCode;

  constructor(code: BundleErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "BundleError";
    this.code = code;
  }
}

export function isBundleError(err: unknown): err is BundleError {
  return err instanceof BundleError;
}
