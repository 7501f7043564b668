import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import type { SeededUser } from "./support/seed";
import { controlSimulator, seedInCopy, type SimulatedTenant } from "./support/simulator";
import { openStage } from "./support/stages";

// The story of the workflow issue, stage by stage, in two browser contexts: the tenant admin
// reports Megan's mailbox (the simulator's seed incident), the engineer works every stage through
// to close, and the admin follows public updates. Each stage is one test; they run in order on
// the same ticket (a stage needs the one before), so a failure names the stage that broke.
// It plays the seed incident in a simulator tenant of its own (a fresh copy of the demo's
// Contoso, with an earlier open ticket for Megan as the demo has), so it runs beside the others.

test.describe.configure({ mode: "serial", timeout: 120_000 });

let simulator: APIRequestContext;
let adminContext: BrowserContext;
let engineerContext: BrowserContext;
let admin: Page;
let engineer: Page;
let ticketUrl: string;
let people: Record<"admin" | "engineer", SeededUser>;
let contoso: SimulatedTenant;
/** An address in the story's tenant. */
let at: (alias: string) => string;
const pattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test.beforeAll(async ({ browser }) => {
  simulator = await controlSimulator();
  const seeded = await seedInCopy(simulator, "contoso", {
    tickets: [
      {
        key: "earlier",
        account: "megan",
        title: "Megan's mailbox is sending bulk mail to Gmail",
        severity: "HIGH",
        symptoms: ["BULK_MAIL", "OUTBOUND_RESTRICTED", "MFA_DISABLED"],
      },
    ],
  });
  ({ tenant: contoso, upn: at, users: people } = seeded);
  adminContext = await browser.newContext();
  admin = await adminContext.newPage();
  // The engineer's browser is not in UTC: times typed and shown in UTC must not drift by its offset.
  engineerContext = await browser.newContext({ timezoneId: "America/New_York" });
  engineer = await engineerContext.newPage();
});

test.afterAll(async () => {
  await adminContext?.close();
  await engineerContext?.close();
  await simulator?.dispose();
});

test("1. intake: the tenant admin reports it; the engineer picks it up and corrects the intake", async () => {
  // The tenant admin reports it.
  await signIn(admin, people.admin);
  await admin.goto("/tickets/new");
  const form = admin.getByRole("form", { name: "Report an incident" });
  await form.getByLabel("Affected account (UPN)").fill(at("megan"));
  await form.getByLabel("Short title (optional)").fill("Megan is sending bulk mail (story)");
  await form.getByLabel("The account sent bulk or spam email").check();
  await form.getByLabel("Multi-factor authentication was not enabled on the account").check();
  await form.getByRole("button", { name: "File incident" }).click();
  // The earlier open incident for Megan is offered first; this is a new one, so file anyway.
  await expect(form.getByRole("status", { name: "Open incidents for this account" })).toContainText("open for this account");
  await form.getByRole("button", { name: "File anyway" }).click();
  await expect(admin).toHaveURL(/\/tickets\/[0-9a-f-]{36}$/);
  ticketUrl = admin.url();
  // The earlier ticket for the same account is flagged as a possible duplicate.
  await expect(admin.getByText(/Possible duplicate/)).toBeVisible();

  // The engineer picks it up.
  await signIn(engineer, people.engineer);
  await engineer.goto(ticketUrl);
  await engineer.getByRole("button", { name: "Assign to me" }).click();
  await expect(engineer.getByRole("heading", { level: 1 }).locator("..")).toContainText("Triaged");

  // The engineer corrects the intake; the change is kept in the timeline.
  const intake = engineer.getByRole("form", { name: "Edit intake" });
  await engineer.getByText("Edit intake").click();
  await intake.getByLabel("Title").fill("Megan's mailbox sent bulk mail to gmail.com");
  await intake.getByRole("button", { name: "Save intake" }).click();
  await expect(intake.getByText(/Intake updated: title/)).toBeVisible();
  await openStage(engineer, "Timeline");
  await expect(engineer.getByRole("list", { name: "Timeline" })).toContainText("Intake edited");
});

test("2. scope: the primary account is checked against the tenant; an unknown account is refused", async () => {
  // Scope: the primary account was checked against the tenant after filing; an unknown account
  // is refused beside the field, a real one is added.
  await openStage(engineer, "Scope");
  const accounts = engineer.getByRole("list", { name: "Affected accounts" });
  await expect(accounts.getByRole("listitem").filter({ hasText: at("megan") })).toContainText("verified in tenant");
  const addUser = engineer.getByRole("form", { name: "Add an affected account" });
  await addUser.getByLabel("Another affected account").fill(at("ghost"));
  await addUser.getByRole("button", { name: "Add account" }).click();
  await expect(addUser.getByText(`${at("ghost")} is not an account of this tenant.`)).toBeVisible();
  await expect(addUser.getByLabel("Another affected account")).toHaveValue(at("ghost"));
  await addUser.getByLabel("Another affected account").fill(at("grady"));
  await addUser.getByRole("button", { name: "Add account" }).click();
  await expect(accounts.getByRole("listitem").filter({ hasText: at("grady") })).toContainText("verified in tenant");
  await expect(addUser.getByLabel("Another affected account")).toHaveValue("");
});

test("3. business impact raises the severity and starts the notification clock", async () => {
  // Business impact raises the ticket's severity (filed as High) and starts the notification clock.
  await openStage(engineer, "Business impact");
  const impact = engineer.getByRole("form", { name: "Business impact" });
  await impact.getByLabel("Email service disruption level").selectOption("HIGH");
  await impact.getByLabel("Regulatory and compliance level").selectOption("MEDIUM");
  await impact.getByLabel("Regulatory and compliance notes").fill("Invoices may carry customer names and IBANs");
  await impact.getByLabel("Personal data may be involved").check();
  await impact.getByLabel("Overall severity").selectOption("CRITICAL");
  await impact.getByRole("button", { name: "Save assessment" }).click();
  await expect(impact.getByText("Assessment saved. Severity raised from High to Critical.")).toBeVisible();
  const deadline = engineer.getByText(/Regulatory notification due in/);
  await expect(deadline).toBeVisible();
  await expect(engineer.getByRole("heading", { level: 1 }).locator("..")).toContainText("Critical");
  // Severity is only raised: lower levels are unavailable, the current one is marked.
  const overall = impact.getByLabel("Overall severity");
  await expect(overall.locator("option", { hasText: "Critical (current)" })).toBeEnabled();
  await expect(overall.locator('option[value="HIGH"]')).toBeDisabled();
  await expect(overall.locator('option[value="LOW"]')).toBeDisabled();
  // Saving again without touching the pre-filled deadline keeps it to the minute.
  const due = (await deadline.textContent())!.match(/\((.+ UTC)\)/)![1]!;
  await expect(impact.getByLabel("Notification deadline (UTC)")).not.toHaveValue("");
  await impact.getByRole("button", { name: "Save assessment" }).click();
  await expect(impact.getByText("Assessment saved. Severity unchanged (Critical).")).toBeVisible();
  await openStage(engineer, "Timeline");
  await expect(engineer.getByRole("list", { name: "Timeline" }).getByText("Impact assessed")).toHaveCount(2);
  await openStage(engineer, "Business impact");
  await expect(deadline).toContainText(`(${due})`);
});

test("4. troubleshooting: evidence, containment, eradication and manual steps", async () => {
  // Evidence, containment, eradication.
  await openStage(engineer, "Troubleshooting");
  await engineer.getByRole("button", { name: "Take evidence snapshot" }).click();
  await expect(engineer.locator('[aria-label="Evidence snapshot"]')).toContainText("moves mail to RSS Subscriptions");
  await engineer.getByRole("button", { name: "Contain account" }).click();
  await engineer.getByRole("button", { name: "Contain now" }).click();
  // Graph accepted the writes; Microsoft Entra shows them a few seconds later (the simulator's
  // realistic lag): the rows say "Verifying…" meanwhile, then settle by themselves — no re-run.
  await expect(engineer.getByRole("dialog", { name: "Temporary password" })).toBeVisible();
  await expect(engineer.locator('tr[data-step="block-sign-in"]')).toContainText("Verifying…");
  await engineer.getByRole("button", { name: "I have stored it safely" }).click();
  for (const step of ["reset-password", "enforce-mfa", "block-sign-in", "revoke-sessions"]) {
    await expect(engineer.locator(`tr[data-step="${step}"]`)).toContainText("Done", { timeout: 30_000 });
  }
  await expect(engineer.locator('tr[data-step="reset-password"]')).toContainText("Verified: The account's password last changed");
  await expect(engineer.getByRole("heading", { level: 1 }).locator("..")).toContainText("Contained");
  // Eradication, the common case: the attacker's phone is Megan's only MFA method, so her default,
  // and Graph will not delete it. The step says why and how, and the ticket warns loudly meanwhile.
  const methods = engineer.locator('tr[data-step="remove-auth-methods"]');
  const mfaWarning = engineer.getByRole("alert").filter({ hasText: `MFA is enforced on ${at("megan")}` });
  await methods.getByRole("button", { name: "Remove phone +234 803 555 0147" }).click();
  await engineer.getByRole("alertdialog").getByRole("button", { name: "Remove method" }).click();
  await expect(methods).toContainText(`Graph cannot delete phone +234 803 555 0147: it is ${at("megan")}'s default MFA method`);
  await expect(mfaWarning).toContainText("phone +234 803 555 0147");
  await methods.getByText("Manual step for phone +234 803 555 0147: how").click();
  await expect(methods).toContainText("Temporary Access Pass");
  // Megan registers Authenticator (a Temporary Access Pass handed over in person); minutes later the step is tried again.
  await simulator.post(`/_control/tenants/${contoso.tenantId}/users/${at("megan")}/register-method`, {
    data: { kind: "microsoftAuthenticator" },
  });
  // Minutes pass in this tenant only (the others' clocks stay put).
  await simulator.post(`/_control/tenants/${contoso.tenantId}/advance-time`, { data: { ms: 5 * 60_000 } });
  await methods.getByRole("button", { name: "Try again: phone +234 803 555 0147" }).click();
  await engineer.getByRole("alertdialog").getByRole("button", { name: "Remove method" }).click();
  await expect(methods).toContainText("phone +234 803 555 0147 removed", { timeout: 30_000 });
  await expect(methods.getByText("Done", { exact: true })).toBeVisible();
  await expect(mfaWarning).toHaveCount(0);
  // Each flagged rule is removed after a confirmation; a removed rule's button goes away.
  const rules = engineer.locator('tr[data-step="remove-inbox-rules"]');
  for (const rule of ["Remove rule “.”", "Remove rule “..”"]) {
    await rules.getByRole("button", { name: rule }).click();
    await engineer.getByRole("alertdialog").getByRole("button", { name: "Remove rule", exact: true }).click();
    await expect(rules.getByRole("button", { name: rule })).toHaveCount(0);
  }
  await expect(rules).toContainText("all 2 flagged inbox rules are removed", { timeout: 30_000 });
  // A manual step: recorded done with what was found, in a small dialog from its row.
  const forwarding = engineer.locator('tr[data-step="disable-forwarding"]');
  await forwarding.getByRole("button", { name: "Mark done…" }).click();
  const record = engineer.getByRole("dialog", { name: /Mark “.+” done/ });
  await record.getByLabel("What you found").fill("Get-Mailbox: no ForwardingSmtpAddress");
  await record.getByRole("button", { name: "Mark done" }).click();
  await expect(record).toBeHidden();
  await expect(forwarding).toContainText("Done");
  await expect(forwarding).toContainText("Get-Mailbox: no ForwardingSmtpAddress");
  // Skipping needs a reason: refused beside the field with the dialog kept open; cancelling records nothing.
  const release = engineer.locator('tr[data-step="release-restricted-sender"]');
  await release.getByRole("button", { name: /More actions/ }).click();
  await engineer.getByRole("menuitem", { name: "Skip…" }).click();
  const skip = engineer.getByRole("dialog", { name: /Skip “.+”/ });
  await skip.getByRole("button", { name: "Skip step" }).click();
  await expect(skip.getByText("Say why the step is skipped or not applicable.")).toBeVisible();
  await expect(skip.getByLabel("Reason")).toHaveAttribute("aria-invalid", "true");
  await skip.getByRole("button", { name: "Cancel" }).click();
  await expect(skip).toBeHidden();
  await expect(release).toContainText("To do");
});

test("5. resolution: the message trace fills the scope; gmail.com's admins are advised", async () => {
  // Resolution: the trace shows the bulk mail to gmail.com still pending; advise gmail.com's admins.
  await openStage(engineer, "Resolution");
  await engineer.getByRole("button", { name: "Run message trace" }).click();
  const summary = engineer.getByRole("table").filter({ hasText: "Mail by recipient domain" });
  await expect(summary).toContainText("gmail.com");
  // Exchange traced Megan's primary SMTP address, which is not her UPN (a trace by UPN finds nothing).
  await expect(engineer.getByText("traced by its primary SMTP address")).toContainText(at("megan.bowen"));
  // The trace fills the scope's recipient domains (still there after a reload).
  await engineer.reload();
  await openStage(engineer, "Scope");
  await expect(engineer.getByRole("table").filter({ hasText: "Recipients of the unauthorized mail" })).toContainText(
    /gmail\.com\s*External\s*420/,
  );
  await openStage(engineer, "Resolution");
  await engineer.getByRole("button", { name: "Draft advisories" }).click();
  const advisory = engineer.getByRole("article", { name: "Advisory to gmail.com" });
  await expect(advisory).toBeVisible();
  // Sending mails outside admins: confirmed first, with the sender, recipients and subject shown.
  await advisory.getByRole("button", { name: "Send advisory" }).click();
  const confirmSend = engineer.getByRole("alertdialog", { name: "Send the advisory to gmail.com?" });
  await expect(confirmSend.getByRole("list", { name: "Recipients" })).toContainText("abuse@gmail.com");
  await expect(confirmSend).toContainText(at("security"));
  await expect(confirmSend).toContainText(
    new RegExp(`Security advisory: unauthorized mail from ${pattern(at("megan.bowen"))} to gmail\\.com – ref\\. INC-\\d+`),
  );
  await confirmSend.getByRole("button", { name: "Cancel" }).click();
  await expect(advisory.getByRole("button", { name: "Mark acknowledged" })).toHaveCount(0);
  await advisory.getByRole("button", { name: "Send advisory" }).click();
  await confirmSend.getByRole("button", { name: "Send to 2 recipients" }).click();
  await expect(advisory.getByRole("button", { name: "Mark acknowledged" })).toBeVisible();
  const outbox = (await (await simulator.get(`/_control/tenants/${contoso.tenantId}/outbox`)).json()) as {
    from: string;
    subject: string;
  }[];
  expect(outbox.some((m) => m.from === at("security"))).toBe(true);
  // gmail.com's admins confirm they blocked the mail.
  await advisory.getByRole("button", { name: "Mark acknowledged" }).click();
  const ack = engineer.getByRole("dialog", { name: "Record gmail.com's acknowledgement" });
  await ack.getByLabel("Who confirmed (optional)").fill("postmaster@gmail.com");
  await ack.getByRole("button", { name: "Record acknowledgement" }).click();
  await expect(ack).toBeHidden();
  await expect(advisory.getByRole("button", { name: "Mark acknowledged" })).toHaveCount(0);
  // Who confirmed, who recorded it, and when.
  await expect(advisory).toContainText(/Acknowledged \d{2} \w{3} \d{4}, \d{2}:\d{2} UTC, confirmed by postmaster@gmail\.com, recorded by /);
});

test("6. prevention: MFA coverage, a follow-up item moved on, an internal note", async () => {
  // Prevention: check the tenant's MFA coverage, add a follow-up item and move it on.
  await openStage(engineer, "Prevention");
  await engineer.getByRole("button", { name: "Check MFA coverage" }).click();
  await expect(engineer.getByLabel("Latest MFA coverage")).toContainText("Registered for MFA");
  const addItem = engineer.getByRole("form", { name: "Add a follow-up item" });
  await addItem.getByLabel("Measure").fill("Block legacy authentication");
  await addItem.getByLabel("Owner").fill("Contoso IT");
  await addItem.getByRole("button", { name: "Add item" }).click();
  const itemRow = engineer.locator('tr[data-item="Block legacy authentication"]');
  await expect(itemRow).toContainText("Contoso IT");
  await itemRow.getByRole("button", { name: "Edit Block legacy authentication" }).click();
  const item = engineer.getByRole("form", { name: "Follow-up item: Block legacy authentication" });
  await expect(item.getByLabel("Owner")).toHaveValue("Contoso IT");
  await item.getByLabel("Status").selectOption("IN_PROGRESS");
  await item.getByRole("button", { name: "Save item" }).click();
  await expect(item.getByText("Saved.")).toBeVisible();
  await expect(itemRow).toContainText("In progress");

  // An internal note for the support team only.
  await openStage(engineer, "Updates");
  await engineer.getByLabel("Add an update or note").fill("Internal: attacker sign-ins came from 203.0.113.7 (hosting ASN).");
  await engineer.getByLabel("Visible to", { exact: true }).selectOption("INTERNAL");
  await engineer.getByRole("button", { name: "Post" }).click();
  await expect(engineer.getByRole("list", { name: "Comments" })).toContainText("203.0.113.7");
});

test("7. recovery and outcome: sign-in allowed again, resolved and closed", async () => {
  // Recovery: sign-in is allowed again once the account is secured, before it is declared recovered.
  const itemRow = engineer.locator('tr[data-item="Block legacy authentication"]');
  await openStage(engineer, "Prevention");
  await engineer.reload();
  await expect(itemRow).toContainText("In progress");
  await itemRow.getByRole("button", { name: "Edit Block legacy authentication" }).click();
  await expect(engineer.getByRole("form", { name: "Follow-up item: Block legacy authentication" }).getByLabel("Status")).toHaveValue(
    "IN_PROGRESS",
  );
  await openStage(engineer, "Troubleshooting");
  const reenable = engineer.locator('tr[data-step="re-enable-sign-in"]');
  await reenable.getByRole("button", { name: "Run: Allow sign-in again" }).click();
  await engineer.getByRole("alertdialog").getByRole("button", { name: "Allow sign-in", exact: true }).click();
  await expect(reenable).toContainText("Done", { timeout: 30_000 });

  // Outcome, resolve, close.
  await openStage(engineer, "Outcome");
  const outcome = engineer.getByRole("form", { name: "Outcome" });
  await outcome
    .getByLabel("What was achieved")
    .fill("Password reset, MFA enforced, sessions revoked; hiding rules removed; gmail.com advised to block the sender.");
  await outcome.getByLabel("Lessons learned").fill("Enforce MFA for every user; alert on new inbox rules.");
  await outcome.getByLabel("Closure reason").fill("Resolved");
  await outcome.getByRole("button", { name: "Save outcome" }).click();
  await expect(outcome.getByText("Outcome saved.")).toBeVisible();
  // Resolving and closing each ask first.
  await engineer.getByRole("button", { name: "Resolve", exact: true }).click();
  await engineer.getByRole("alertdialog").getByRole("button", { name: "Resolve ticket" }).click();
  await expect(engineer.getByRole("heading", { level: 1 }).locator("..")).toContainText("Resolved");
  await engineer.getByRole("button", { name: "Close", exact: true }).click();
  await engineer.getByRole("alertdialog").getByRole("button", { name: "Close ticket" }).click();
  await expect(engineer.getByRole("heading", { level: 1 }).locator("..")).toContainText("Closed");
  await expect(engineer.getByText("Manager review: in review")).toBeVisible();
  const stages = engineer.getByRole("navigation", { name: "Stages" });
  await expect(stages.getByRole("link", { name: /Troubleshooting/ })).toContainText("Done");
  await expect(stages.getByRole("link", { name: /Outcome/ })).toContainText("Done");
  await openStage(engineer, "Updates");
  await engineer.getByLabel("Add an update or note").fill("Your account is secure again; Megan can sign in with the temporary password.");
  await engineer.getByLabel("Visible to", { exact: true }).selectOption("PUBLIC");
  await engineer.getByRole("button", { name: "Post" }).click();
});

test("8. updates: the tenant admin follows public updates only", async () => {
  // The tenant admin follows progress through public updates only.
  await admin.reload();
  await expect(admin.getByRole("heading", { level: 1 }).locator("..")).toContainText("Closed");
  await openStage(admin, "Updates");
  const adminComments = admin.getByRole("list", { name: "Comments" });
  await expect(adminComments).toContainText("Your account is secure again");
  await expect(adminComments).not.toContainText("203.0.113.7");
  await expect(admin.getByText("Internal: attacker sign-ins")).toHaveCount(0);
  await openStage(admin, "Timeline");
  const timeline = admin.getByRole("list", { name: "Timeline" });
  await expect(timeline).toContainText("Status changed");
  await expect(timeline).not.toContainText("Evidence snapshot taken");
});
