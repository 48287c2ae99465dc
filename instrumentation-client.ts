// Runs in the browser before the app's own modules. zod compiles object parsers with `new Function` when
// it may, and even its probe for that is a CSP violation under the pages' policy (no 'unsafe-eval'), so
// the browser side runs zod without it; the server keeps the compiled parsers.
import { z } from "zod";

z.config({ jitless: true });
