-- Session tokens are kept only as their SHA-256 from now on (lib/auth/hashed-session-tokens.ts). Hash the
-- existing ones the same way, so everyone signed in before the upgrade stays signed in.
UPDATE "session" SET "token" = encode(sha256(convert_to("token", 'UTF8')), 'hex');
