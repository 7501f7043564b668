import fs from "node:fs";
import path from "node:path";
import { generate } from "selfsigned";

// The simulator serves HTTPS so the Graph SDK attaches its bearer token (it strips it on http).
// A self-signed certificate for localhost is generated once per data dir; clients trust it with
// NODE_EXTRA_CA_CERTS=<certPath> (read by Node at process start).

export type Certificate = { certPath: string; keyPath: string; cert: string; key: string };

export async function ensureCertificate(dir: string): Promise<Certificate> {
  const certPath = path.resolve(dir, "cert.pem");
  const keyPath = path.resolve(dir, "key.pem");
  if (!fs.existsSync(certPath) || !fs.existsSync(keyPath)) {
    fs.mkdirSync(path.dirname(certPath), { recursive: true });
    const notAfterDate = new Date();
    notAfterDate.setFullYear(notAfterDate.getFullYear() + 5);
    const pems = await generate([{ name: "commonName", value: "localhost" }], {
      keySize: 2048,
      algorithm: "sha256",
      notAfterDate,
      extensions: [
        { name: "basicConstraints", cA: true },
        { name: "keyUsage", keyCertSign: true, digitalSignature: true, keyEncipherment: true },
        { name: "extKeyUsage", serverAuth: true },
        {
          name: "subjectAltName",
          altNames: [
            { type: 2, value: "localhost" },
            { type: 7, ip: "127.0.0.1" },
          ],
        },
      ],
    });
    fs.writeFileSync(keyPath, pems.private, { mode: 0o600 });
    fs.writeFileSync(certPath, pems.cert);
  }
  return { certPath, keyPath, cert: fs.readFileSync(certPath, "utf8"), key: fs.readFileSync(keyPath, "utf8") };
}

export type ClientCertificate = { cert: string; key: string; notAfter: Date };

/**
 * A self-signed certificate for an app's client credential (private_key_jwt): what an admin
 * would create with New-SelfSignedCertificate or openssl and upload to the app registration.
 * `days` may be negative (an expired certificate, for tests).
 */
export async function generateClientCertificate(commonName: string, days = 365): Promise<ClientCertificate> {
  const notBeforeDate = new Date(Date.now() - Math.max(0, -days + 1) * 86_400_000);
  const notAfterDate = new Date(Date.now() + days * 86_400_000);
  const pems = await generate([{ name: "commonName", value: commonName }], {
    keySize: 2048,
    algorithm: "sha256",
    notBeforeDate,
    notAfterDate,
    extensions: [{ name: "keyUsage", digitalSignature: true }],
  });
  return { cert: pems.cert, key: pems.private, notAfter: notAfterDate };
}
