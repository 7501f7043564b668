import type { SimUser } from "../state";
import type { Random } from "./random";

// Ordinary users of a simulated tenant, before anything bad happens.

export const ATTACKER = { ip: "102.89.34.17", city: "Lagos", country: "NG", phone: "+234 803 555 0147" };
export const OFFICE = { ip: "198.51.100.24", city: "Seattle", country: "US" };

const hoursAgo = (now: Date, h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();

export function makeUser(
  rnd: Random,
  now: Date,
  domain: string,
  alias: string,
  displayName: string,
  options: Partial<Pick<SimUser, "perUserMfaState" | "isAdmin" | "directoryRoles">> = {},
): SimUser {
  const mfa = options.perUserMfaState ?? "enforced";
  const upn = `${alias}@${domain}`;
  const created = hoursAgo(now, 24 * rnd.int(200, 900));
  return {
    id: rnd.uuid(),
    userPrincipalName: upn,
    displayName,
    mail: upn,
    accountEnabled: true,
    password: `${displayName.split(" ")[0]}-Pass-${rnd.int(1000, 9999)}`,
    forceChangePasswordNextSignIn: false,
    perUserMfaState: mfa,
    signInSessionsValidFromDateTime: created,
    isAdmin: options.isAdmin ?? false,
    directoryRoles: options.directoryRoles ?? [],
    methods: [
      { id: "28c10230-6103-485e-b985-444c60001490", kind: "password", displayName: null, createdDateTime: created },
      ...(mfa === "disabled"
        ? []
        : [{ id: rnd.uuid(), kind: "microsoftAuthenticator" as const, displayName: `${displayName.split(" ")[0]}'s phone`, createdDateTime: created }]),
    ],
    rules: [],
    sessions: [{ id: rnd.uuid(), actor: "user", issuedAt: hoursAgo(now, rnd.int(2, 30)) }],
    riskLevel: "none",
    riskState: "none",
    riskLastUpdatedDateTime: created,
  };
}

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
