import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { passwordProblem } from "@/lib/auth/password-policy";

describe("passwordProblem", () => {
  it("refuses short passwords, saying how long", () => {
    assert.match(passwordProblem("short1!")!, /at least 10 characters/);
  });

  it("refuses a few characters repeated", () => {
    for (const p of ["aaaaaaaaaa", "abababababab", "1212121212"]) assert.match(passwordProblem(p)!, /repeats/, p);
  });

  it("refuses passwords from the common-passwords list, also with digits and symbols added", () => {
    for (const p of ["password123", "qwertyuiop", "1234567890", "Qwertyuiop", "iloveyou12", "sunshine2024!", "football!!!"]) {
      assert.match(passwordProblem(p)!, /common passwords/, p);
    }
  });

  it("accepts long passphrases and random strings", () => {
    for (const p of ["correct horse battery staple 7", "a long passphrase", "pw-h3Kx9Qz2LmVb", "teammate-password"]) assert.equal(passwordProblem(p), null, p);
  });
});
