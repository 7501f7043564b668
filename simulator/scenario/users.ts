import { createHash } from "node:crypto";
import type { MailFolder, SimUser } from "../state";
import type { Random } from "./random";

// Ordinary users of a simulated tenant, before anything bad happens.

export const ATTACKER = { ip: "102.89.34.17", city: "Lagos", country: "NG", phone: "+234 803 555 0147" };
export const OFFICE = { ip: "198.51.100.24", city: "Seattle", country: "US" };

const hoursAgo = (now: Date, h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();

/** An Exchange-style folder id, stable per user and folder (hashed, so the seeded stream is untouched). */
export function folderId(userId: string, name: string): string {
  return `AAMkAD${createHash("sha256").update(`${userId}/${name}`).digest("base64url").slice(0, 38)}AAA=`;
}

const FOLDERS = ["Inbox", "Archive", "Deleted Items", "Junk Email", "RSS Subscriptions", "Conversation History"];
const foldersOf = (userId: string): MailFolder[] => FOLDERS.map((displayName) => ({ id: folderId(userId, displayName), displayName }));

export function makeUser(
  rnd: Random,
  now: Date,
  domain: string,
  alias: string,
  displayName: string,
  options: Partial<Pick<SimUser, "perUserMfaState" | "isAdmin" | "directoryRoles" | "mail">> = {},
): SimUser {
  const mfa = options.perUserMfaState ?? "enforced";
  const upn = `${alias}@${domain}`;
  const created = hoursAgo(now, 24 * rnd.int(200, 900));
  const id = rnd.uuid();
  return {
    id,
    userPrincipalName: upn,
    displayName,
    // The primary SMTP address equals the UPN only by convention (user-update.md): see MAIL_ALIASES.
    mail: options.mail ?? upn,
    accountEnabled: true,
    password: `${displayName.split(" ")[0]}-Pass-${rnd.int(1000, 9999)}`,
    forceChangePasswordNextSignIn: false,
    perUserMfaState: mfa,
    signInSessionsValidFromDateTime: created,
    lastPasswordChangeDateTime: created,
    isAdmin: options.isAdmin ?? false,
    directoryRoles: options.directoryRoles ?? [],
    methods: [
      { id: "28c10230-6103-485e-b985-444c60001490", kind: "password", displayName: null, createdDateTime: created },
      ...(mfa === "disabled"
        ? []
        : [
            {
              id: rnd.uuid(),
              kind: "microsoftAuthenticator" as const,
              displayName: `${displayName.split(" ")[0]}'s phone`,
              createdDateTime: created,
            },
          ]),
    ],
    // The first method a user registers becomes the default; with none, the system chooses.
    signInPreferences: {
      isSystemPreferredAuthenticationMethodEnabled: true,
      userPreferredMethodForSecondaryAuthentication: mfa === "disabled" ? null : "push",
    },
    folders: foldersOf(id),
    rules: [],
    sessions: [{ id: rnd.uuid(), actor: "user", issuedAt: hoursAgo(now, rnd.int(2, 30)) }],
    riskLevel: "none",
    riskState: "none",
    riskLastUpdatedDateTime: created,
  };
}

/**
 * Contoso's users whose primary SMTP address is not their UPN (common with hybrid or renamed
 * accounts), by alias: megan@contoso.example's address is megan.bowen@contoso.example. One of
 * them is the seed's victim.
 */
export const MAIL_ALIASES: Record<string, string> = { megan: "megan.bowen", lee: "lee.gu" };

export const CONTOSO_PEOPLE: [alias: string, name: string, mfa?: SimUser["perUserMfaState"]][] = [
  ["megan", "Megan Bowen", "disabled"],
  ["adele", "Adele Vance"],
  ["alex", "Alex Wilber"],
  ["grady", "Grady Archie", "disabled"],
  ["lee", "Lee Gu"],
  ["nestor", "Nestor Wilke"],
  ["patti", "Patti Fernandez", "enabled"],
  ["pradeep", "Pradeep Gupta"],
  ["security", "Contoso Security Desk"],
];

export const FABRIKAM_PEOPLE: [alias: string, name: string, mfa?: SimUser["perUserMfaState"]][] = [
  ["lidia", "Lidia Holloway", "disabled"],
  ["diego", "Diego Siciliani"],
  ["it", "Fabrikam IT"],
];
