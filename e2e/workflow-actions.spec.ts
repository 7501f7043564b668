import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { seed, seedPeople } from "./support/seed";
import { openStage } from "./support/stages";

// The header's moves on tickets worked like the demo's: a blocked Close points to its one list of blockers;
// Reopen asks why and the timeline keeps the reason; Resolve asks first; reassigning and
// unassigning; "Assign to me" says when it also triages; an approval waiting for the tenant
// admin is announced in the header (and goes once decided).

/** Seeds a ticket worked like the demo's one for the account, with its own tenant admin and engineer. */
async function seedWorked(tenant: "contoso" | "fabrikam", account: string, status: "CONTAINED" | "RESOLVED" | "CLOSED") {
  const { users, tickets } = await seed({
    users: [
      { key: "admin", role: "TENANT_ADMIN", tenant },
      { key: "engineer", role: "ENGINEER" },
    ],
    tickets: [{ key: "ticket", tenant, reporter: "admin", assignee: "engineer", affectedUpn: account, status, workOf: account }],
  });
  return { admin: users.admin!, engineer: users.engineer!, url: `/tickets/${tickets.ticket!.id}` };
}

const status = (page: Page) => page.getByRole("heading", { level: 1 }).locator("..");

test("close blocked, reopen with a reason, resolve after confirming, reassign and unassign", async ({ page }) => {
  const { engineer, url } = await seedWorked("fabrikam", "diego@fabrikam.example", "RESOLVED");
  await signIn(page, engineer);
  // Resolved with its checklist not done, like Diego's demo ticket: closing is blocked.
  await page.goto(url);
  await expect(status(page)).toContainText("Resolved");
  const close = page.getByRole("button", { name: "Close", exact: true });
  await expect(close).toBeDisabled();
  await expect(close).toHaveAccessibleDescription(/^Before closing: /);
  // The blockers are listed once.
  await expect(page.getByText(/Before closing:/)).toHaveCount(1);

  // Reopen asks why; an empty reason is refused beside the field, with focus on it.
  await page.getByRole("button", { name: "Reopen", exact: true }).click();
  const reopen = page.getByRole("alertdialog");
  await expect(reopen).toContainText(/Reopen INC-\d+\?/);
  await reopen.getByRole("button", { name: "Reopen ticket" }).click();
  await expect(reopen.getByText("Say why the ticket is reopened.")).toBeVisible();
  const reason = reopen.getByLabel(/Why reopen it/);
  await expect(reason).toBeFocused();
  await reason.fill("Diego reports a new MFA prompt he did not start");
  await reopen.getByRole("button", { name: "Reopen ticket" }).click();
  await expect(reopen).toBeHidden();
  await expect(status(page)).toContainText("Reopened");
  await openStage(page, "Timeline");
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText(
    "Status changed from Resolved to Reopened: reason “Diego reports a new MFA prompt he did not start”",
  );

  // Resolve asks first; Cancel changes nothing.
  await page.getByRole("button", { name: "Resolve", exact: true }).click();
  await expect(page.getByRole("alertdialog")).toContainText(/Resolve INC-\d+\?/);
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();
  await expect(status(page)).toContainText("Reopened");
  await page.getByRole("button", { name: "Resolve", exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Resolve ticket" }).click();
  await expect(status(page)).toContainText("Resolved");

  // Unassign through the chooser, then take it back.
  const facts = page.getByLabel("Ticket facts");
  await expect(facts).toContainText(engineer.name);
  await page.getByRole("button", { name: "Reassign…" }).click();
  const chooser = page.getByRole("dialog", { name: "Choose the assignee" });
  await chooser.getByLabel("Assignee", { exact: true }).selectOption({ label: "Nobody (unassigned)" });
  await chooser.getByRole("button", { name: "Save assignee" }).click();
  await expect(chooser).toBeHidden();
  await expect(facts).toContainText("Unassigned");
  await page.getByRole("button", { name: "Assign to me", exact: true }).click();
  await expect(facts).toContainText(engineer.name);
});

test("on a new ticket, assigning yourself also triages it, and the button says so", async ({ page, browser }) => {
  const people = await seedPeople();
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, people.contosoAdmin);
  await admin.goto("/tickets/new");
  const form = admin.getByRole("form", { name: "Report an incident" });
  await form.getByLabel("Affected account (UPN)").fill("grady@contoso.example");
  await form.getByLabel("Short title (optional)").fill("Grady's mailbox (assign and triage)");
  await form.getByLabel("Sign-ins from an unusual country, IP or device").check();
  await form.getByRole("button", { name: "File incident" }).click();
  await expect(admin).toHaveURL(/\/tickets\/[0-9a-f-]{36}$/);
  const url = admin.url();
  await adminContext.close();

  await signIn(page, people.engineer);
  await page.goto(url);
  await expect(status(page)).toContainText("New");
  await page.getByRole("button", { name: "Assign to me and triage" }).click();
  await expect(status(page)).toContainText("Triaged");
  await expect(page.getByLabel("Ticket facts")).toContainText(people.engineer.name);
  await expect(page.getByRole("button", { name: /^Assign to me/ })).toHaveCount(0);
});

test("the tenant admin is told in the header that an approval waits for them", async ({ page, browser }) => {
  const worked = await seedWorked("fabrikam", "lidia@fabrikam.example", "CONTAINED");
  await signIn(page, worked.engineer);
  const ticketUrl = worked.url;
  await page.goto(ticketUrl);
  await openStage(page, "Troubleshooting");
  // Fabrikam asks for a second person before destructive steps.
  await page.getByRole("button", { name: "Run containment again" }).click();
  await page.getByRole("button", { name: "Contain now" }).click();
  await expect(page.getByText(/Waiting for a second person/)).toBeVisible();
  // Not for the engineer who asked.
  await page.reload();
  await expect(page.getByText(/waiting for you/)).toHaveCount(0);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, worked.admin);
  await admin.goto(ticketUrl);
  const notice = admin.getByText(`An approval is waiting for you: “Contain the account (4 steps)”, asked by ${worked.engineer.name}`);
  await expect(notice).toBeVisible();
  await admin.getByRole("link", { name: "Open Troubleshooting to approve or reject" }).click();
  await expect(admin.getByRole("region", { name: "Stage: Troubleshooting" })).toBeVisible();
  // Decided (here: rejected, so nothing runs against the tenant), the notice goes.
  const approvals = admin.locator('[aria-label="Approvals"]');
  await approvals.getByLabel("Reason for rejecting").fill("Not now: Lidia is presenting to the board");
  await approvals.getByRole("button", { name: "Reject" }).click();
  await expect(admin.getByText(/waiting for you/)).toHaveCount(0);
  await adminContext.close();
});

test("closing warns, without blocking, about what is still in progress", async ({ page }) => {
  test.setTimeout(120_000);
  const { engineer, url } = await seedWorked("contoso", "lee@contoso.example", "CLOSED");
  await signIn(page, engineer);
  // Closed like Lee's demo ticket: an outcome but no lessons, trace, MFA check or checklist.
  await page.goto(url);
  await page.getByRole("button", { name: "Reopen", exact: true }).click();
  await page
    .getByRole("alertdialog")
    .getByLabel(/Why reopen it/)
    .fill("Settle the checklist before the report goes out again");
  await page.getByRole("alertdialog").getByRole("button", { name: "Reopen ticket" }).click();
  await expect(status(page)).toContainText("Reopened");

  // Settle the required checklist: the snapshot, then the rest marked not applicable with a reason.
  await openStage(page, "Troubleshooting");
  await page.getByRole("button", { name: "Take evidence snapshot" }).click();
  await expect(page.locator('tr[data-step="snapshot"]')).toContainText("Done");
  for (const step of ["reset-password", "enforce-mfa", "block-sign-in", "revoke-sessions", "remove-inbox-rules", "disable-forwarding"]) {
    const row = page.locator(`tr[data-step="${step}"]`);
    await row.getByRole("button", { name: /More actions/ }).click();
    await page.getByRole("menuitem", { name: "Not applicable…" }).click();
    const dialog = page.getByRole("dialog", { name: /does not apply/ });
    await dialog.getByLabel("Reason").fill("Handled by the tenant's own IT before the ticket (demo)");
    await dialog.getByRole("button", { name: "Mark not applicable" }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText("Not applicable");
  }
  await page.getByRole("button", { name: "Resolve", exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Resolve ticket" }).click();
  await expect(status(page)).toContainText("Resolved");

  // Nothing blocks the close now; the dialog names what is unfinished.
  await expect(page.getByText(/Before closing:/)).toHaveCount(0);
  await page.getByRole("button", { name: "Close", exact: true }).click();
  const confirm = page.getByRole("alertdialog");
  const unfinished = confirm.getByRole("list", { name: "Still in progress" });
  await expect(unfinished).toContainText("No message trace was run");
  await expect(unfinished).toContainText("3 of 4 preventive measures are still open");
  await expect(unfinished).toContainText("The tenant's MFA coverage was not checked");
  await expect(unfinished).toContainText("Lessons learned are not written");
  await confirm.getByRole("button", { name: "Close ticket" }).click();
  await expect(status(page)).toContainText("Closed");
  await expect(page.getByText(/Incident report: version \d+ waiting for manager review/)).toBeVisible();
  // Closed: no reassigning, and no duplicate warning.
  await expect(page.getByRole("button", { name: /Reassign/ })).toHaveCount(0);
  await expect(page.getByText(/Possible duplicate/)).toHaveCount(0);
});
