import { describe, expect, it } from "vitest";
import { recipientsOutsidePolicy } from "./recipient-policy";

describe("advisory recipients", () => {
  it("allows the advisory's domain and its subdomains, whatever the case", () => {
    expect(recipientsOutsidePolicy(["Postmaster@Gmail.com", "abuse@mail.gmail.com"], "gmail.com", [])).toEqual([]);
  });
  it("refuses any other address, including look-alike domains", () => {
    expect(recipientsOutsidePolicy(["a@evilgmail.com", "b@gmail.com.evil.example", "c@gmail.com"], "gmail.com", [])).toEqual([
      "a@evilgmail.com",
      "b@gmail.com.evil.example",
    ]);
  });
  it("allows what the tenant's allow-list names: an address or a whole @domain", () => {
    expect(
      recipientsOutsidePolicy(["soc@partner.example", "x@mssp.example", "y@other.example"], "gmail.com", [
        "SOC@partner.example",
        "@mssp.example",
      ]),
    ).toEqual(["y@other.example"]);
  });
});
