import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseRequestLine, parseStatusLine } from "@/lib/parse/http-message";

describe("HTTP message first lines", () => {
  it("reads a request line, with or without the version and spaces around it", () => {
    assert.deepEqual(parseRequestLine("GET /cucm-uds/user/emusk/devices?max=100 HTTP/1.1"), { method: "GET", target: "/cucm-uds/user/emusk/devices?max=100" });
    assert.deepEqual(parseRequestLine("  POST /x  "), { method: "POST", target: "/x" });
    assert.equal(parseRequestLine("GET"), null);
    assert.equal(parseRequestLine(""), null);
  });

  it("reads a status line's code and reason phrase", () => {
    assert.deepEqual(parseStatusLine("HTTP/1.1 502 connect failed"), { status: 502, reason: "connect failed" });
    assert.deepEqual(parseStatusLine(" HTTP/1.1 401 Unauthorized "), { status: 401, reason: "Unauthorized" });
    assert.deepEqual(parseStatusLine("HTTP/1.1 200"), { status: 200, reason: null });
    assert.equal(parseStatusLine("HTTP/1.1 OK"), null);
    assert.equal(parseStatusLine("GET / HTTP/1.1"), null);
  });
});
