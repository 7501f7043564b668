import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { attackerSignIn, controlSimulator, seedInCopy } from "./support/simulator";
import { openStage } from "./support/stages";

// The engineer contains an account from the ticket; the tenant simulator then refuses the
// attacker's next sign-in (50057) and logs it. Each test works in a simulator tenant of its own
// (a copy of the demo's Contoso or Fabrikam), so it runs beside the others. Each plays a whole
// containment, which takes two minutes and more on a loaded machine (e2e/README.md).
test.describe.configure({ timeout: 180_000 });

test("the engineer contains Megan's account and the attacker is locked out", async ({ page }) => {
  const simulator = await controlSimulator();
  const { tenant, upn, users, tickets } = await seedInCopy(simulator, "contoso", {
    tickets: [{ key: "megan", account: "megan", severity: "HIGH", symptoms: ["BULK_MAIL", "OUTBOUND_RESTRICTED", "MFA_DISABLED"] }],
  });
  const megan = upn("megan");
  // Before: the attacker's stolen password still works.
  expect(await attackerSignIn(simulator, tenant, megan)).toMatchObject({ success: true });

  await signIn(page, users.engineer);
  await page.goto(`/tickets/${tickets.megan!.id}`);
  await openStage(page, "Troubleshooting");
  await expect(page.getByRole("heading", { name: "Troubleshooting checklist" })).toBeVisible();

  // Evidence first, before anything changes.
  await page.getByRole("button", { name: "Take evidence snapshot" }).click();
  const snapshot = page.getByRole("region", { name: "Evidence snapshot" }).or(page.locator('[aria-label="Evidence snapshot"]'));
  await expect(snapshot).toContainText("moves mail to RSS Subscriptions");
  await expect(snapshot).toContainText("legacy protocol IMAP4");
  await expect(snapshot).toContainText("Mail Helper Pro");
  await expect(snapshot).toContainText(/gmail\.com: 420 messages/);
  await expect(snapshot).toContainText("First snapshot: the evidence before any change");
  await expect(snapshot).toContainText("At risk, high risk"); // Identity Protection in words, not atRisk
  await expect(page.locator('tr[data-step="snapshot"]')).toContainText("Done");
  // Manual steps name this ticket's account, never a <upn> placeholder.
  await expect(page.locator('tr[data-step="disable-forwarding"]')).toContainText(`Get-Mailbox ${megan}`);

  await page.getByRole("button", { name: "Contain account" }).click();
  await expect(page.getByRole("alertdialog")).toContainText(`Contain ${megan}?`);
  await page.getByRole("button", { name: "Contain now" }).click();

  const passwordDialog = page.getByRole("dialog", { name: "Temporary password" });
  await expect(passwordDialog).toBeVisible();
  await expect(page.getByTestId("temporary-password")).toHaveText(/^.{20}$/);
  await page.getByRole("button", { name: "I have stored it safely" }).click();
  await expect(passwordDialog).toBeHidden();

  // Graph accepted the four writes; Microsoft Entra shows them seconds later: each row settles to Done by itself.
  for (const step of ["reset-password", "enforce-mfa", "block-sign-in", "revoke-sessions"]) {
    const row = page.locator(`tr[data-step="${step}"]`);
    await expect(row).toContainText("Done", { timeout: 30_000 });
    await expect(row).toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/); // the batch's Graph request id
    await expect(row).toContainText(/client [0-9a-f]{8}-[0-9a-f]{4}-/); // and the client-request-id we set on the item
  }
  await expect(page.locator('tr[data-step="block-sign-in"]')).toContainText("Verified: Sign-in is blocked");
  await expect(page.locator('tr[data-step="enforce-mfa"]')).toContainText("Verified: Per-user MFA: enforced");
  await expect(page.getByRole("heading", { level: 1 }).locator("..")).toContainText("Contained");
  // Contained: no longer the red primary action.
  await expect(page.getByRole("button", { name: "Contain account" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Run containment again" })).toBeVisible();

  // Eradication: one of the two hiding rules removed is not the step done.
  const rules = page.locator('tr[data-step="remove-inbox-rules"]');
  await rules.getByRole("button", { name: "Remove rule “.”" }).click();
  await expect(page.getByRole("alertdialog")).toContainText(`Remove the inbox rule “.” from ${megan}'s mailbox?`);
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove rule" }).click();
  await expect(rules).toContainText("In progress", { timeout: 30_000 });
  await expect(rules).toContainText("1 of 2 removed");
  await expect(rules).toContainText("Verified: “.” is gone; 1 of 2 removed; still there: “..”");
  // The removed rule's button is gone (clicking it again used to fail the step).
  await expect(rules.getByRole("button", { name: "Remove rule “.”" })).toHaveCount(0);
  await expect(rules).toContainText("“.” removed");
  await rules.getByRole("button", { name: "Remove rule “..”" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove rule" }).click();
  await expect(rules).toContainText("all 2 flagged inbox rules are removed", { timeout: 30_000 });
  await expect(rules.getByText("Done", { exact: true })).toBeVisible();
  await expect(rules.getByRole("button", { name: /Remove rule/ })).toHaveCount(0);

  // Allowing sign-in again undoes containment: it asks first, naming the account.
  const reenable = page.locator('tr[data-step="re-enable-sign-in"]');
  await reenable.getByRole("button", { name: "Run: Allow sign-in again" }).click();
  await expect(page.getByRole("alertdialog")).toContainText(`Allow sign-in again for ${megan}?`);
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();
  await expect(reenable).toContainText("To do");

  // After: the attacker's next sign-in fails because the account is blocked, and it is logged.
  expect(await attackerSignIn(simulator, tenant, megan)).toMatchObject({ success: false, errorCode: 50057 });
  const log = (await (await simulator.get(`/_control/tenants/${tenant.tenantId}/sign-ins?upn=${megan}`)).json()) as {
    status: { errorCode: number };
  }[];
  expect(log.some((s) => s.status.errorCode === 50057)).toBe(true);
  const session = await (await simulator.post(`/_control/tenants/${tenant.tenantId}/attacker-session`, { data: { upn: megan } })).json();
  expect(session).toMatchObject({ valid: false });
  await simulator.dispose();
});

test("on a tenant that requires approval, containment waits for the tenant admin's approval", async ({ page, browser }) => {
  const simulator = await controlSimulator();
  // Worked like the demo's Lidia ticket: contained by Fabrikam IT before it reached support.
  const { upn, users, tickets } = await seedInCopy(simulator, "fabrikam", {
    requireApproval: true,
    tickets: [
      { key: "lidia", account: "lidia", assignee: "engineer", status: "CONTAINED", severity: "CRITICAL", workOf: "lidia@fabrikam.example" },
    ],
  });
  await simulator.dispose();
  const lidia = upn("lidia");
  const ticketUrl = `/tickets/${tickets.lidia!.id}`;
  await signIn(page, users.engineer);
  await page.goto(ticketUrl);
  await openStage(page, "Troubleshooting");
  // The ticket is already contained: running it again is a secondary action.
  await page.getByRole("button", { name: "Run containment again" }).click();
  await expect(page.getByRole("alertdialog")).toContainText(`Run containment again for ${lidia}?`);
  await page.getByRole("button", { name: "Contain now" }).click();
  await expect(page.getByText(/Waiting for a second person: This tenant asks/)).toBeVisible();
  const engineerApprovals = page.locator('[aria-label="Approvals"]');
  // In words, never step keys.
  await expect(engineerApprovals).toContainText(
    "Contain the account: reset the password, enforce MFA, block sign-in and sign out of all sessions",
  );
  await expect(engineerApprovals).not.toContainText("containment");
  await expect(page.locator('tr[data-step="block-sign-in"]')).toContainText("Waiting for approval");

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, users.admin);
  await admin.goto(ticketUrl);
  await openStage(admin, "Troubleshooting");
  const approvals = admin.locator('[aria-label="Approvals"]');
  await expect(approvals).toContainText("Waiting for approval");
  await approvals.getByRole("button", { name: "Approve" }).click();
  await expect(approvals).toContainText("Approved");
  await adminContext.close();

  // No reload: the engineer's page refreshes itself while an approval is pending.
  await expect(engineerApprovals).toContainText("approved by", { timeout: 30_000 });
  await expect(page.locator('tr[data-step="block-sign-in"]')).toContainText("Approved – ready to run");
  await engineerApprovals.getByRole("button", { name: "Run the approved steps" }).click();
  await page.getByRole("button", { name: "Contain now" }).click();
  await expect(page.getByTestId("temporary-password")).toHaveText(/^.{20}$/);
  await page.getByRole("button", { name: "I have stored it safely" }).click();
  // It runs now; Fabrikam's app lacks User.RevokeSessions.All, so that step fails and says why.
  await expect(page.locator('tr[data-step="revoke-sessions"]')).toContainText("User.RevokeSessions.All");
  await expect(page.locator('tr[data-step="block-sign-in"]')).toContainText("Done", { timeout: 30_000 });
  await expect(engineerApprovals).toContainText("Approved and run");

  // The engineer documents why the sessions could not be revoked here, and skips the step.
  const revoke = page.locator('tr[data-step="revoke-sessions"]');
  await revoke.getByRole("button", { name: /More actions/ }).click();
  await page.getByRole("menuitem", { name: "Skip…" }).click();
  const skip = page.getByRole("dialog", { name: /Skip “Sign out of all sessions”/ });
  await skip
    .getByLabel("Reason")
    .fill("Fabrikam's app lacks User.RevokeSessions.All; the tenant admin revoked the sessions in the Entra admin center");
  await skip.getByRole("button", { name: "Skip step" }).click();
  await expect(revoke).toContainText("Skipped");
  await expect(page.getByRole("heading", { level: 1 }).locator("..")).toContainText("Contained");
});

test("after a partly failed containment, re-running the failed step alone makes the ticket Contained", async ({ page }) => {
  const simulator = await controlSimulator();
  const { tenant, upn, users, tickets } = await seedInCopy(simulator, "contoso", {
    tickets: [{ key: "adele", account: "adele", assignee: "engineer", status: "TRIAGED", detectedHoursAgo: 20 }],
  });
  const adele = upn("adele");
  // Graph refuses the session revocation once (403), for this tenant's Adele only; the other three
  // steps go through. A refusal, not a 5xx: a 5xx may have applied the write, so it is read back
  // (Unknown), never called failed.
  const faulted = await simulator.post(`/_control/tenants/${tenant.tenantId}/faults`, {
    data: { faults: [{ operation: "revokeSignInSessions", status: 403, times: 1, user: adele }] },
  });
  expect(faulted.status()).toBe(204);

  await signIn(page, users.engineer);
  await page.goto(`/tickets/${tickets.adele!.id}`);
  await openStage(page, "Troubleshooting");
  await expect(page.getByRole("heading", { name: "Troubleshooting checklist" })).toBeVisible();
  const status = page.getByRole("heading", { level: 1 }).locator("..");
  await expect(status).toContainText("Triaged");

  // No snapshot yet: containment takes it alongside, and says so.
  await page.getByRole("button", { name: "Contain account" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("it is taken at the same time");
  await page.getByRole("button", { name: "Contain now" }).click();
  await page.getByRole("button", { name: "I have stored it safely" }).click();
  const revoke = page.locator('tr[data-step="revoke-sessions"]');
  await expect(revoke).toContainText("Failed");
  await expect(page.getByText(/fix the cause, then re-run it alone/)).toBeVisible();
  await expect(page.getByText(/evidence snapshot was taken alongside containment/)).toBeVisible();
  await expect(page.locator('tr[data-step="snapshot"]')).toContainText("Taken alongside containment");
  await expect(page.locator('[aria-label="Evidence snapshot"]')).toContainText("Taken alongside containment");
  for (const step of ["reset-password", "enforce-mfa", "block-sign-in"])
    await expect(page.locator(`tr[data-step="${step}"]`)).toContainText("Done", { timeout: 30_000 });
  await expect(status).toContainText("Triaged");

  await revoke.getByRole("button", { name: "Re-run: Sign out of all sessions" }).click();
  await expect(page.getByRole("alertdialog")).toContainText(`Sign ${adele} out of all sessions?`);
  await page.getByRole("alertdialog").getByRole("button", { name: "Sign out of all sessions" }).click();
  await expect(revoke).toContainText("Done", { timeout: 30_000 });
  await expect(revoke).toContainText("Verified: Sessions valid from");
  await expect(status).toContainText("Contained");
  const session = await (await simulator.post(`/_control/tenants/${tenant.tenantId}/attacker-session`, { data: { upn: adele } })).json();
  expect(session).toMatchObject({ valid: false });
  await simulator.dispose();
});
