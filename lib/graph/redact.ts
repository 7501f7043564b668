// Redaction of recorded Graph exchanges (recording.ts): what a tenant's recording may keep. Secrets
// and tokens are never kept; personal data — addresses, names, phone numbers, IPs, cities, mail
// subjects and bodies — is replaced by stable pseudonyms, the same one for the same value within a
// recording, so a replay still correlates (the UPN in a path is the UPN in a body). Object ids
// (GUIDs) stay: they identify nothing outside the tenant, and replays need them. Pure and tested.

const SECRET_KEYS = new Set([
  "password",
  "newpassword",
  "client_secret",
  "clientsecret",
  "access_token",
  "refresh_token",
  "id_token",
  "secretkey",
  "temporaryaccesspass",
  "authorization",
  "token",
]);
/** Always a person's. `displayName` is one only on an object that is a person (it has a UPN or mail): a role's, an app's, a rule's or a folder's name is kept. */
const PERSON_KEYS = new Set(["userdisplayname", "givenname", "surname", "name", "recipientdisplayname", "userprincipalname"]);
const PERSON_MARKERS = ["userPrincipalName", "mail", "givenName"];
const TEXT_KEYS = new Set(["subject", "content", "bodypreview", "description", "data"]);
const PLACE_KEYS = new Set(["city", "state", "street", "postalcode"]);

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;
const PHONE = /\+\d[\d\s().-]{6,}\d/g;

/** Stable pseudonyms for one recording. */
export class Redactor {
  private readonly seen = new Map<string, string>();
  private counters = new Map<string, number>();

  private alias(kind: string, value: string, make: (n: number) => string): string {
    const key = `${kind}:${value.toLowerCase()}`;
    let alias = this.seen.get(key);
    if (!alias) {
      const n = (this.counters.get(kind) ?? 0) + 1;
      this.counters.set(kind, n);
      alias = make(n);
      this.seen.set(key, alias);
    }
    return alias;
  }

  private email(address: string): string {
    const [local = "", domain = ""] = address.split("@");
    return `${this.alias("local", local, (n) => `user${n}`)}@${this.alias("domain", domain, (n) => `domain${n}.example`)}`;
  }

  /** Addresses, IPs and phone numbers inside any text (a URL, a message). */
  text(value: string): string {
    return value
      .replace(/%40/gi, "@") // an address inside an encoded URL (a batch item's url)
      .replace(EMAIL, (m) => this.email(m))
      .replace(PHONE, (m) => this.alias("phone", m, (n) => `+1 555 01${String(n).padStart(2, "0")}`))
      .replace(IPV4, (m) => this.alias("ip", m, (n) => `192.0.2.${n % 255}`));
  }

  /** A JSON body with secrets dropped and personal data replaced. */
  json(value: unknown, key = "", person = false): unknown {
    const k = key.toLowerCase();
    if (SECRET_KEYS.has(k)) return value === null || value === undefined ? value : "[redacted]";
    if (Array.isArray(value)) return value.map((v) => this.json(v, key));
    if (value && typeof value === "object") {
      const isPerson = PERSON_MARKERS.some((m) => m in value);
      return Object.fromEntries(Object.entries(value).map(([ck, cv]) => [ck, this.json(cv, ck, isPerson)]));
    }
    if (typeof value !== "string") return value;
    if ((PERSON_KEYS.has(k) || (person && k === "displayname")) && !value.includes("@"))
      return this.alias("person", value, (n) => `Person ${n}`);
    if (TEXT_KEYS.has(k)) return value ? "[redacted text]" : value;
    if (PLACE_KEYS.has(k)) return value ? "[redacted place]" : value;
    return this.text(value);
  }
}
