import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import { clientAddress, trustedProxyHops } from "@/lib/http/client-address";

const request = (h: Record<string, string>) => new Headers({ "x-ea-remote-address": "10.0.0.9", ...h });

describe("clientAddress", () => {
  afterEach(() => delete process.env.TRUST_PROXY);

  it("is the socket's address unless a proxy is trusted, whatever X-Forwarded-For says", () => {
    assert.equal(clientAddress(request({ "x-forwarded-for": "203.0.113.1" })), "10.0.0.9");
  });

  it("behind one trusted proxy, is the entry that proxy appended, not the client's own", () => {
    process.env.TRUST_PROXY = "1";
    assert.equal(clientAddress(request({ "x-forwarded-for": "203.0.113.1, 198.51.100.7" })), "198.51.100.7");
    assert.equal(clientAddress(request({ "x-forwarded-for": "198.51.100.7" })), "198.51.100.7");
    assert.equal(clientAddress(request({ "x-forwarded-for": "1.1.1.1,2.2.2.2 , 2001:db8::1" })), "2001:db8::1");
  });

  it("counts TRUST_PROXY=N proxies from the right", () => {
    process.env.TRUST_PROXY = "2";
    assert.equal(clientAddress(request({ "x-forwarded-for": "203.0.113.1, 198.51.100.7, 10.1.1.1" })), "198.51.100.7");
  });

  it("falls back to the socket when the header is missing, short or not an address", () => {
    process.env.TRUST_PROXY = "1";
    assert.equal(clientAddress(request({})), "10.0.0.9");
    assert.equal(clientAddress(request({ "x-forwarded-for": "evil, not-an-ip" })), "10.0.0.9");
    process.env.TRUST_PROXY = "3";
    assert.equal(clientAddress(request({ "x-forwarded-for": "198.51.100.7" })), "10.0.0.9");
  });

  it("reads TRUST_PROXY as a hop count", () => {
    assert.equal(trustedProxyHops("1"), 1);
    assert.equal(trustedProxyHops(undefined), 0);
    assert.equal(trustedProxyHops("yes"), 0);
    assert.equal(trustedProxyHops("0"), 0);
  });
});
