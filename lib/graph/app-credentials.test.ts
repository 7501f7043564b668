import { execFileSync } from "node:child_process";
import { createHash, createPrivateKey, randomUUID, X509Certificate } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateClientCertificate, type ClientCertificate } from "@/simulator/certificate";
import { NORTHWIND } from "@/simulator/demo-tenants";
import { control } from "@/simulator/test/support";
import { setUpTestSimulator } from "@/tests/support/simulator";
import { loadAppCredentials, summariseCredential } from "./app-credentials";
import { createTenantGraph } from "./client";
import { callGraph } from "./request";

// Breachdesk's own app credential: a certificate as PEM or PFX (value or path), checked end to
// end against the simulator, which verifies the client assertion's signature against the
// certificate registered for the app.

const APP_ID = randomUUID();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bd-app-cred-"));
const write = (name: string, content: string | Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content, { mode: 0o600 });
  return file;
};
/** A PKCS#12 file as an admin exports one (OpenSSL 3 defaults: AES-256-CBC, PBKDF2, HMAC-SHA256). */
const toPfx = (c: ClientCertificate, password: string) => {
  const out = path.join(dir, `${randomUUID()}.pfx`);
  execFileSync("openssl", [
    "pkcs12",
    "-export",
    "-inkey",
    write(`${randomUUID()}.key`, c.key),
    "-in",
    write(`${randomUUID()}.crt`, c.cert),
    "-out",
    out,
    "-passout",
    `pass:${password}`,
  ]);
  return out;
};

describe("Breachdesk's app credentials", () => {
  let cert: ClientCertificate;
  let other: ClientCertificate;
  beforeAll(async () => {
    [cert, other] = await Promise.all([generateClientCertificate("Breachdesk app"), generateClientCertificate("Someone else")]);
  });
  const sim = setUpTestSimulator(() => ({
    applications: [{ clientId: APP_ID, displayName: "Breachdesk", certificates: [cert.cert], permissions: ["User.Read.All"] }],
  }));
  beforeAll(async () => {
    await control(sim, "POST", `/tenants/${NORTHWIND.tenantId}/admin-consent`, { clientId: APP_ID });
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("reads a certificate as a PEM value or path, or a PFX path or base64 value, and shows only its thumbprint and expiry", async () => {
    const thumbprint = createHash("sha1").update(new X509Certificate(cert.cert).raw).digest("hex").toUpperCase();
    const pfx = toPfx(cert, "pfx-pass");
    const loaded = await loadAppCredentials([
      { kind: "certificate", slot: "current", value: `${cert.cert}\n${cert.key}` },
      { kind: "certificate", slot: "next", value: write("app.pem", `${cert.key}\n${cert.cert}`) },
      { kind: "certificate", slot: "current", value: pfx, password: "pfx-pass" },
      { kind: "certificate", slot: "current", value: fs.readFileSync(pfx).toString("base64"), password: "pfx-pass" },
    ]);
    for (const c of loaded) {
      expect(c.kind).toBe("certificate");
      if (c.kind !== "certificate") continue;
      expect(c.thumbprintSha1).toBe(thumbprint);
      expect(c.notAfter.toISOString().slice(0, 10)).toBe(cert.notAfter.toISOString().slice(0, 10));
      // The key comes out as PKCS#8 PEM, matching the certificate.
      expect(new X509Certificate(c.certificatePem).checkPrivateKey(createPrivateKey(c.privateKeyPem))).toBe(true);
    }
    const summary = JSON.stringify(loaded.map(summariseCredential));
    expect(summary).toContain(thumbprint);
    expect(summary).not.toContain("PRIVATE KEY");
  });

  it("reads an encrypted PEM key with its password, and names the variable when a certificate cannot be read", async () => {
    const encrypted = createPrivateKey(cert.key)
      .export({ format: "pem", type: "pkcs8", cipher: "aes-256-cbc", passphrase: "pem-pass" })
      .toString();
    await expect(
      loadAppCredentials([{ kind: "certificate", slot: "current", value: `${cert.cert}${encrypted}`, password: "pem-pass" }]),
    ).resolves.toHaveLength(1);
    await expect(loadAppCredentials([{ kind: "certificate", slot: "current", value: `${cert.cert}${encrypted}` }])).rejects.toThrow(
      /^BREACHDESK_APP_CERTIFICATE: the private key could not be read/,
    );
    await expect(
      loadAppCredentials([{ kind: "certificate", slot: "next", value: toPfx(cert, "right"), password: "wrong" }]),
    ).rejects.toThrow(/^BREACHDESK_APP_CERTIFICATE_NEXT: the PFX could not be opened/);
    await expect(loadAppCredentials([{ kind: "certificate", slot: "current", value: cert.cert }])).rejects.toThrow(
      /must hold the certificate and its private key/,
    );
    await expect(loadAppCredentials([{ kind: "certificate", slot: "current", value: `${other.cert}${cert.key}` }])).rejects.toThrow(
      /no certificate in it matches the private key/,
    );
    await expect(loadAppCredentials([{ kind: "certificate", slot: "current", value: "/no/such/file.pem" }])).rejects.toThrow(
      /nor a path to an existing file/,
    );
  });

  const graphWith = async (...certs: ClientCertificate[]) =>
    createTenantGraph({
      tenantId: NORTHWIND.tenantId,
      clientId: APP_ID,
      simulatorUrl: sim.url,
      retry: { maxRetries: 0, delaySeconds: 1 },
      credentials: await loadAppCredentials(
        certs.map((c, i) => ({
          kind: "certificate" as const,
          slot: i === 0 ? ("current" as const) : ("next" as const),
          value: `${c.cert}${c.key}`,
        })),
      ),
    });

  it("signs the client assertion with the certificate: Graph answers with the consented permissions", async () => {
    const res = await callGraph<{ value: unknown[] }>(await graphWith(cert), {
      op: "getUser",
      method: "GET",
      path: "/users?$top=1&$select=id",
    });
    expect(res.body.value).toHaveLength(1);
  });

  it("a certificate the app does not have is refused with a message that says what to fix", async () => {
    const error = await callGraph(await graphWith(other), { op: "getUser", method: "GET", path: "/users?$top=1" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "UPSTREAM_ERROR", details: { graphCode: "AADSTS700027", credentialRefused: true } });
    expect((error as Error).message).toMatch(/certificate is not registered on the app, has expired, or does not match its private key/);
  });

  it("during a rotation the second certificate takes over when the first is refused", async () => {
    const res = await callGraph<{ value: unknown[] }>(await graphWith(other, cert), {
      op: "getUser",
      method: "GET",
      path: "/users?$top=1&$select=id",
    });
    expect(res.body.value).toHaveLength(1);
  });
});
