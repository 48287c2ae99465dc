// What a password must be: long enough, not one of the passwords attackers try first, and not a few
// characters repeated. The common passwords are zxcvbn-ts's maintained list (~49,000 from real breaches,
// @zxcvbn-ts/language-common), loaded on first use. Checked for sign-up, password change and the admin
// command (better-auth hook in lib/auth/auth.ts), so every way of setting a password meets it.
import { dictionary } from "@zxcvbn-ts/language-common";

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;
const MIN_DISTINCT_CHARACTERS = 5;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  return (common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase())));
}

/** Why this password is refused, in words for the person choosing it; null when it is fine. */
export function passwordProblem(password: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (new Set(password.toLowerCase()).size < MIN_DISTINCT_CHARACTERS) {
    return "This password repeats a few characters, which is guessed at once. Use more different characters (a few unrelated words work well).";
  }
  const lower = password.toLowerCase();
  // "monkey2024!" is "monkey" with the digits and symbols everybody adds.
  const stem = lower.replace(/[\d\W_]+$/u, "");
  if (commonPasswords().has(lower) || (stem.length >= 4 && commonPasswords().has(stem))) {
    return "This is one of the common passwords attackers try first. Choose another (a few unrelated words work well).";
  }
  return null;
}
