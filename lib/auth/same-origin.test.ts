import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./same-origin";

const base = { origin: null, secFetchSite: null, host: "localhost:3200" };

describe("server action origin check", () => {
  it("accepts the app's own pages by Origin (NEXTAUTH_URL's or the Host's) or by Sec-Fetch-Site", () => {
    expect(isSameOriginRequest({ ...base, origin: "http://localhost:3200" })).toBe(true);
    expect(
      isSameOriginRequest({
        ...base,
        origin: "https://breachdesk.example.com",
        host: "10.0.0.5:3000",
        appUrl: "https://breachdesk.example.com/",
      }),
    ).toBe(true);
    expect(isSameOriginRequest({ ...base, secFetchSite: "same-origin" })).toBe(true);
  });
  it("refuses another site, a missing or opaque Origin, and a same-site but other-origin page", () => {
    expect(isSameOriginRequest({ ...base, origin: "https://evil.example", secFetchSite: "cross-site" })).toBe(false);
    expect(isSameOriginRequest(base)).toBe(false);
    expect(isSameOriginRequest({ ...base, origin: "null" })).toBe(false);
    expect(isSameOriginRequest({ ...base, origin: "http://localhost:3201", secFetchSite: "same-site" })).toBe(false);
    expect(isSameOriginRequest({ ...base, origin: "http://localhost:3200", host: null })).toBe(false);
    expect(isSameOriginRequest({ ...base, origin: "not a url" })).toBe(false);
  });
});
