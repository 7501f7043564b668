import { CONTAINMENT_STEPS, stepDef } from "./steps";

// What the checklist says about a step in words: the confirmation that names the step and the
// account, and an approval's step and choice (never keys like `revoke-sessions`). Pure and tested.

export type Confirmation = { title: string; description: string; action: string };

/** The confirmation a step asks for before it runs, or null when it runs on a click. */
export function confirmationFor(stepKey: string, upn: string, item: string | null): Confirmation | null {
  switch (stepKey) {
    case "reset-password":
      return {
        title: `Reset the password of ${upn}?`,
        description: "The password is replaced by a temporary one, shown once; the user must change it at next sign-in.",
        action: "Reset password",
      };
    case "block-sign-in":
      return {
        title: `Block sign-in for ${upn}?`,
        description: "Nobody can sign in to this account until sign-in is allowed again.",
        action: "Block sign-in",
      };
    case "revoke-sessions":
      return {
        title: `Sign ${upn} out of all sessions?`,
        description: "Every session and refresh token of this account stops working; the user signs in again.",
        action: "Sign out of all sessions",
      };
    case "re-enable-sign-in":
      return {
        title: `Allow sign-in again for ${upn}?`,
        description:
          "This undoes the containment's block: whoever has a valid password can sign in again. Do it only once the password is reset, MFA is enforced and the attacker's rules, methods and consents are gone.",
        action: "Allow sign-in",
      };
    case "remove-inbox-rules":
      return {
        title: `Remove the inbox rule${item ? ` ${item}` : ""} from ${upn}'s mailbox?`,
        description: "The rule is deleted from the mailbox. The evidence snapshot keeps what it did.",
        action: "Remove rule",
      };
    case "remove-auth-methods":
      return {
        title: `Remove ${item ?? "the sign-in method"} from ${upn}'s sign-in methods?`,
        description: "The method can no longer be used to sign in or to pass MFA. The evidence snapshot keeps it.",
        action: "Remove method",
      };
    case "revoke-oauth-grants":
      return {
        title: `Revoke ${upn}'s consent to ${item ?? "the app"}?`,
        description: "The app loses the access the user consented to. The evidence snapshot keeps the consent.",
        action: "Revoke consent",
      };
    default:
      return null;
  }
}

/** The warning a containment step run alone gives before any snapshot (Contain account takes one alongside). */
export const NO_SNAPSHOT_WARNING =
  "There is no evidence snapshot yet. This step changes nothing the snapshot reads, but take the snapshot first (or use Contain account, which takes it at the same time) so the evidence is dated before any change.";

export const isContainmentStep = (key: string) => (CONTAINMENT_STEPS as readonly string[]).includes(key);

/** An approval's step in words: "Contain the account (…)", or the step's title with the chosen item. */
export function approvalStepWords(stepKey: string, item: string | null): string {
  if (stepKey === "containment") return "Contain the account: reset the password, enforce MFA, block sign-in and sign out of all sessions";
  const title = stepDef(stepKey)?.title ?? "A checklist step";
  return item ? `${title}: ${item}` : title;
}

/** A manual step's instructions for this ticket's account (they are written with a <upn> placeholder). */
export function instructionsFor(text: string, upn: string): string {
  return text.replaceAll("<upn>", upn);
}
