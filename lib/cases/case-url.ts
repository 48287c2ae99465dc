// Case ids and links: 128 random bits like analysis ids, so a case id leaks nothing either.
import { randomBytes } from "node:crypto";

export const newCaseId = () => randomBytes(16).toString("base64url");
export const isCaseId = (id: string) => /^[A-Za-z0-9_-]{10,64}$/.test(id);
export const caseUrl = (id: string) => `/cases/${id}`;
