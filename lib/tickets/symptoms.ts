// What a tenant admin may have observed, from the seed incident (docs/design-basis.md, The seed report: intake).
export const SYMPTOMS = {
  BULK_MAIL: "The account sent bulk or spam email",
  OUTBOUND_RESTRICTED: "Microsoft restricted the account from sending email",
  MFA_DISABLED: "Multi-factor authentication was not enabled on the account",
  UNUSUAL_SIGN_IN: "Sign-ins from an unusual country, IP or device",
  INBOX_RULES: "Unexpected inbox rules moving or deleting mail",
  RECIPIENT_COMPLAINTS: "Recipients reported suspicious mail from the account",
  SECURITY_INFO_CHANGED: "Password or security info changed without the user",
  SECURITY_ALERT: "A Microsoft 365 or Defender security alert",
} as const;

export type Symptom = keyof typeof SYMPTOMS;

export const SYMPTOM_KEYS = Object.keys(SYMPTOMS) as [Symptom, ...Symptom[]];
