import { createHash, createPrivateKey, X509Certificate, webcrypto } from "node:crypto";
import fs from "node:fs";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import type { AppCredentialSource, CredentialSlot } from "@/lib/env";

// Breachdesk's own application credentials, as configured (lib/env.ts): a certificate (PEM with
// its private key, or PKCS#12/PFX — a path or the value itself) and/or a client secret, each
// with an optional second one for rotation. Microsoft recommends certificates over secrets
// (learn.microsoft.com/entra/identity-platform/how-to-add-credentials). What may be shown is the
// kind, slot, thumbprints, subject and expiry; the private key and the secret stay here and in
// lib/graph/client.ts.

/** A usable credential for @azure/identity and MSAL: certificate PEM (chain + PKCS#8 key) or the secret. */
export type AppCredential =
  | {
      kind: "certificate";
      slot: CredentialSlot;
      pem: string;
      privateKeyPem: string;
      certificatePem: string;
      thumbprintSha1: string;
      thumbprintSha256: string;
      subject: string;
      notBefore: Date;
      notAfter: Date;
    }
  | { kind: "secret"; slot: CredentialSlot; secret: string; expiresAt: Date | null };

export type CredentialSummary = {
  kind: "certificate" | "secret";
  slot: CredentialSlot;
  thumbprint: string | null;
  subject: string | null;
  expiresAt: Date | null;
};

const PEM_BLOCK = /-----BEGIN ([A-Z ]+)-----[\s\S]+?-----END \1-----/g;

class CredentialConfigError extends Error {
  override name = "CredentialConfigError";
}

const KEY_BAG = "1.2.840.113549.1.12.10.1.1";
const SHROUDED_KEY_BAG = "1.2.840.113549.1.12.10.1.2";
const CERT_BAG = "1.2.840.113549.1.12.10.1.3";

/** PKCS#12 → the private key (PKCS#8 DER) and the certificates (DER), in file order. */
async function readPfx(bytes: Buffer, password: string): Promise<{ key: Buffer; certs: Buffer[] }> {
  pkijs.setEngine("node", new pkijs.CryptoEngine({ name: "node", crypto: webcrypto as unknown as Crypto }));
  const pass = new TextEncoder().encode(password).buffer as ArrayBuffer;
  const asn1 = asn1js.fromBER(new Uint8Array(bytes).buffer);
  if (asn1.offset === -1) throw new CredentialConfigError("the certificate is neither PEM nor a PKCS#12 (PFX) file");
  const pfx = new pkijs.PFX({ schema: asn1.result });
  try {
    await pfx.parseInternalValues({ password: pass, checkIntegrity: true });
  } catch {
    throw new CredentialConfigError("the PFX could not be opened: wrong BREACHDESK_APP_CERTIFICATE_PASSWORD, or not a PKCS#12 file");
  }
  const safe = pfx.parsedValue!.authenticatedSafe!;
  await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password: pass })) });
  const keys: Buffer[] = [];
  const certs: Buffer[] = [];
  for (const contents of safe.parsedValue!.safeContents) {
    for (const bag of contents.value.safeBags) {
      if (bag.bagId === SHROUDED_KEY_BAG) {
        const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
        // Public at runtime (and how pkijs's own examples decrypt a key bag); protected in its typings.
        await (shrouded as unknown as { parseInternalValues(p: { password: ArrayBuffer }): Promise<void> }).parseInternalValues({
          password: pass,
        });
        keys.push(Buffer.from(shrouded.parsedValue!.toSchema().toBER()));
      } else if (bag.bagId === KEY_BAG) {
        keys.push(Buffer.from((bag.bagValue as pkijs.PrivateKeyInfo).toSchema().toBER()));
      } else if (bag.bagId === CERT_BAG) {
        certs.push(Buffer.from(((bag.bagValue as pkijs.CertBag).parsedValue as pkijs.Certificate).toSchema().toBER()));
      }
    }
  }
  if (keys.length !== 1 || certs.length === 0) throw new CredentialConfigError("the PFX must hold one private key and its certificate");
  return { key: keys[0]!, certs };
}

const toPem = (label: string, der: Buffer) =>
  `-----BEGIN ${label}-----\n${der
    .toString("base64")
    .match(/.{1,64}/g)!
    .join("\n")}\n-----END ${label}-----\n`;

/** The value itself (PEM, or PFX in base64) or a path to a .pem/.pfx file. */
function readSource(value: string): string | Buffer {
  const trimmed = value.trim();
  if (trimmed.startsWith("-----BEGIN")) return trimmed;
  if (fs.existsSync(trimmed)) {
    const bytes = fs.readFileSync(trimmed);
    return bytes.toString("latin1").includes("-----BEGIN") ? bytes.toString("utf8") : bytes;
  }
  if (/^[A-Za-z0-9+/=\s]+$/.test(trimmed) && trimmed.length > 100) return Buffer.from(trimmed, "base64");
  throw new CredentialConfigError("the certificate is neither a PEM value, a base64 PFX, nor a path to an existing file");
}

async function loadCertificate(source: Extract<AppCredentialSource, { kind: "certificate" }>): Promise<AppCredential> {
  const material = readSource(source.value);
  let keyPem: string;
  let certDers: Buffer[];
  if (typeof material === "string") {
    const blocks = [...material.matchAll(PEM_BLOCK)];
    const keyBlock = blocks.find((b) => b[1]!.endsWith("PRIVATE KEY"));
    certDers = blocks.filter((b) => b[1] === "CERTIFICATE").map((b) => new X509Certificate(b[0]).raw);
    if (!keyBlock || certDers.length === 0) throw new CredentialConfigError("the PEM must hold the certificate and its private key");
    try {
      keyPem = createPrivateKey({ key: keyBlock[0], passphrase: source.password }).export({ format: "pem", type: "pkcs8" }).toString();
    } catch {
      throw new CredentialConfigError(
        "the private key could not be read: encrypted without the right BREACHDESK_APP_CERTIFICATE_PASSWORD?",
      );
    }
  } else {
    const pfx = await readPfx(material, source.password ?? "");
    keyPem = createPrivateKey({ key: pfx.key, format: "der", type: "pkcs8" }).export({ format: "pem", type: "pkcs8" }).toString();
    certDers = pfx.certs;
  }
  // The leaf certificate is the one whose public key matches the private key.
  const publicOf = (der: Buffer) => new X509Certificate(der).publicKey.export({ format: "der", type: "spki" }).toString("base64");
  const mine = createPrivateKey(keyPem);
  const leafIndex = certDers.findIndex((der) => new X509Certificate(der).checkPrivateKey(mine));
  if (leafIndex < 0) throw new CredentialConfigError("no certificate in it matches the private key");
  const ordered = [
    certDers[leafIndex]!,
    ...certDers.filter((_, i) => i !== leafIndex && publicOf(certDers[i]!) !== publicOf(certDers[leafIndex]!)),
  ];
  const leaf = new X509Certificate(ordered[0]!);
  const certificatePem = ordered.map((der) => toPem("CERTIFICATE", der)).join("");
  return {
    kind: "certificate",
    slot: source.slot,
    pem: `${certificatePem}${keyPem}`,
    privateKeyPem: keyPem,
    certificatePem,
    thumbprintSha1: createHash("sha1").update(leaf.raw).digest("hex").toUpperCase(),
    thumbprintSha256: createHash("sha256").update(leaf.raw).digest("hex").toUpperCase(),
    subject: leaf.subject.replaceAll("\n", ", "),
    notBefore: new Date(leaf.validFrom),
    notAfter: new Date(leaf.validTo),
  };
}

/** Loads every configured credential, naming the variable of the one that cannot be read. */
export async function loadAppCredentials(sources: AppCredentialSource[]): Promise<AppCredential[]> {
  return Promise.all(
    sources.map(async (s) => {
      if (s.kind === "secret") return { kind: "secret" as const, slot: s.slot, secret: s.value, expiresAt: s.expiresAt ?? null };
      try {
        return await loadCertificate(s);
      } catch (error) {
        const variable = s.slot === "next" ? "BREACHDESK_APP_CERTIFICATE_NEXT" : "BREACHDESK_APP_CERTIFICATE";
        throw new CredentialConfigError(`${variable}: ${error instanceof CredentialConfigError ? error.message : "could not be read"}`);
      }
    }),
  );
}

/** What the admin pages may show of a credential: never the key or the secret. */
export function summariseCredential(c: AppCredential): CredentialSummary {
  return c.kind === "certificate"
    ? { kind: "certificate", slot: c.slot, thumbprint: c.thumbprintSha1, subject: c.subject, expiresAt: c.notAfter }
    : { kind: "secret", slot: c.slot, thumbprint: null, subject: null, expiresAt: c.expiresAt };
}
