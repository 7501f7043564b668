import { expect, test } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { signIn } from "./support/auth";
import { seed, seedPeople, uniqueName } from "./support/seed";
import { openStage } from "./support/stages";

// Closed tickets worked like the demo's alex@ (approved here) and lee@ (returned and resubmitted),
// seeded by each test, wait for review beside everyone else's.

async function seedClosed(account: string, title: string, severity: "LOW" | "MEDIUM") {
  return seed({
    users: [
      { key: "contosoAdmin", role: "TENANT_ADMIN", tenant: "contoso" },
      { key: "fabrikamAdmin", role: "TENANT_ADMIN", tenant: "fabrikam" },
      { key: "engineer", role: "ENGINEER" },
      { key: "manager", role: "MANAGER" },
    ],
    tickets: [
      {
        key: "closed",
        tenant: "contoso",
        reporter: "contosoAdmin",
        assignee: "engineer",
        affectedUpn: account,
        title,
        severity,
        status: "CLOSED",
        workOf: account,
      },
    ],
  });
}

test("the manager approves a closed report and downloads its PDF; the tenant admin can then read it", async ({ page, browser }) => {
  const title = uniqueName("Inbox rule deleting replies on Alex's mailbox");
  const { users } = await seedClosed("alex@contoso.example", title, "LOW");
  const manager = users.manager!;
  await signIn(page, manager);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reviews" }).click();
  const waiting = page.getByRole("region", { name: /^Waiting for review/ });
  await expect(waiting.getByRole("heading")).toHaveText(/^Waiting for review \(\d+\)$/);
  await expect(waiting).toContainText(/\d+ reports? waiting for review/);
  await waiting.getByRole("link", { name: title }).click();
  for (const heading of [
    "Introduction",
    "1. Issue description",
    "2. User affected / scope",
    "3. Business impact",
    "4. Troubleshooting steps",
    "5. Resolution and recovery",
    "6. Preventative measures",
    "7. Outcome after troubleshooting",
  ]) {
    await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
  }
  // Stored values in words: no enum keys, no doubled brackets around the tenant.
  await expect(page.getByRole("region", { name: "Introduction" })).toContainText(
    "The account alex@contoso.example of Contoso (demo) was reported compromised",
  );
  await expect(page.getByRole("region", { name: "1. Issue description" })).toContainText("Severity: low.");
  await expect(page.getByRole("region", { name: "1. Issue description" })).toContainText(
    "First successful suspicious sign-in: not recorded.",
  );
  await expect(page.getByRole("region", { name: "6. Preventative measures" })).toContainText(
    "Enforce MFA for all users without exception: done, owner Tenant IT.",
  );
  await expect(page.getByRole("region", { name: "Appendix: timeline" })).toContainText("Incident reported (severity low)");
  for (const raw of ["LOW", "IN_REVIEW", "OPEN"]) await expect(page.getByRole("main")).not.toContainText(new RegExp(`\\b${raw}\\b`));
  await page.getByRole("button", { name: "Approve version 1" }).click();
  await expect(page.getByText("Version 1 review: approved")).toBeVisible();
  await expect(page.getByLabel("Review history")).toContainText(`approved by ${manager.name}`);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download PDF" }).click();
  const file = await (await download).path();
  const { readFile } = await import("node:fs/promises");
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await readFile(file))), { mergePages: true });
  for (const heading of [
    "1. Issue description",
    "2. User affected / scope",
    "4. Troubleshooting steps",
    "7. Outcome after troubleshooting",
  ])
    expect(text).toContain(heading);
  expect(text).toContain("alex@contoso.example");
  const reportUrl = page.url().split("?")[0]!;

  // Approved, it no longer waits: it is listed apart, as decided.
  await page.goto("/reviews");
  await expect(page.getByRole("region", { name: /^Waiting for review/ })).not.toContainText(title);
  const decided = page.getByRole("region", { name: /^Decided in the last 30 days/ });
  await expect(decided.getByRole("row").filter({ hasText: title })).toContainText("Approved");
  await expect(decided.getByRole("row").filter({ hasText: title })).toContainText(`by ${manager.name}`);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, users.contosoAdmin!);
  await admin.goto(reportUrl);
  await expect(admin.getByRole("heading", { name: "7. Outcome after troubleshooting" })).toBeVisible();
  const fabrikamContext = await browser.newContext();
  const fabrikam = await fabrikamContext.newPage();
  await signIn(fabrikam, users.fabrikamAdmin!);
  expect((await fabrikam.goto(reportUrl))?.status()).toBe(404);
  expect((await fabrikam.request.get(`/api/reports/${reportUrl.split("/").pop()}/pdf`)).status()).toBe(404);
  await adminContext.close();
  await fabrikamContext.close();
});

test("return with comments, the engineer revises the text and resubmits, the manager sees the change and approves version 2", async ({
  page,
  browser,
}) => {
  const revised = "Consent of the app 'Mail Sync Pro' was revoked for Łukasz → all tenants.";
  const title = uniqueName("Suspicious app consent on Lee's account");
  const { users } = await seedClosed("lee@contoso.example", title, "MEDIUM");
  const manager = users.manager!;
  await signIn(page, manager);
  await page.goto("/reviews");
  await page
    .getByRole("region", { name: /^Waiting for review/ })
    .getByRole("link", { name: title })
    .click();
  await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
  const reportUrl = page.url();
  const ticketId = reportUrl.split("/").pop()!;
  await page.getByRole("button", { name: "Return with comments" }).click();
  await expect(page.getByText("Say what the engineer should change.")).toBeVisible();
  await page.getByLabel("Comments for the engineer").fill("Add the consent that was revoked and when.");
  await page.getByRole("button", { name: "Return with comments" }).click();
  await expect(page.getByText("Version 1 review: returned")).toBeVisible();

  // The tenant admin cannot read an unapproved report.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, users.contosoAdmin!);
  expect((await admin.goto(reportUrl))?.status()).toBe(404);
  await adminContext.close();

  const engineerContext = await browser.newContext();
  const engineer = await engineerContext.newPage();
  await signIn(engineer, users.engineer!);
  await engineer.goto(`/tickets/${ticketId}`);
  await expect(engineer.getByText(new RegExp(`Returned by ${manager.name}.*: “Add the consent that was revoked and when.”`))).toBeVisible();
  // Resubmitting without a change is refused: the version would differ only in its timeline.
  await engineer.getByRole("button", { name: "Resubmit for review" }).click();
  await expect(engineer.getByText(/Nothing in the report changed since version 1/)).toBeVisible();
  // The ticket stays closed; the outcome is revised in place.
  await openStage(engineer, "Outcome");
  const outcome = engineer.getByRole("form", { name: "Outcome" });
  await outcome.getByLabel("What was achieved").fill(revised);
  await outcome.getByRole("button", { name: "Save outcome" }).click();
  await expect(outcome.getByText("Outcome saved.")).toBeVisible();
  await engineer.getByRole("button", { name: "Resubmit for review" }).click();
  await expect(engineer.getByText(/version 2 waiting for manager review/)).toBeVisible();
  await engineerContext.close();

  await page.reload();
  await expect(page.getByRole("link", { name: /Version 2/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "7. Outcome after troubleshooting" })).toContainText(revised);
  await page.getByRole("link", { name: "Changes from version 1" }).click();
  const changes = page.getByRole("region", { name: "Changes", exact: true });
  await expect(changes).toContainText("Changes from version 1 to 2: 1 line changed in §7 Outcome after troubleshooting");
  // The changed line, marked as added (and the old one as removed) in words, not by colour only.
  await expect(changes.locator("ins", { hasText: `What was achieved: ${revised}` })).toHaveCount(1);
  await expect(changes.locator("del", { hasText: "What was achieved:" })).toHaveCount(1);
  await expect(changes.getByText("added:", { exact: false }).first()).toBeAttached();
  // Only the hunks: the unchanged sections are not repeated.
  await expect(changes).not.toContainText("Primary account: lee@contoso.example");
  await page.goto(reportUrl);
  await page.getByRole("button", { name: "Approve version 2" }).click();
  await expect(page.getByLabel("Review history")).toContainText(`Version 1: returned by ${manager.name}`);
  await expect(page.getByLabel("Review history")).toContainText(`Version 2: approved by ${manager.name}`);
  // Version 1's page still shows the whole history.
  await page.goto(`${reportUrl}?version=1`);
  await expect(page.getByLabel("Review history")).toContainText(`Version 2: approved by ${manager.name}`);
  await expect(page.getByRole("region", { name: "7. Outcome after troubleshooting" })).not.toContainText(revised);

  // The tenant admin now reads version 2, and only that one.
  const approvedContext = await browser.newContext();
  const tenant = await approvedContext.newPage();
  await signIn(tenant, users.contosoAdmin!);
  const markdown = await tenant.request.get(`/api/reports/${ticketId}/markdown`);
  expect(markdown.status()).toBe(200);
  expect(await markdown.text()).toContain(`What was achieved: ${revised}`);
  expect((await tenant.request.get(`/api/reports/${ticketId}/pdf?version=1`)).status()).toBe(404);
  await approvedContext.close();
});

test("the manager's dashboard shows the period's figures and charts, refuses a bad period, and exports a safe CSV", async ({ page }) => {
  // Demo tickets are seeded relative to now: alex@ (12 days ago) and lee@ (5 days ago) are the
  // only ones reported 14 to 4 days ago (every spec's own tickets are reported today); both closed, reported 15 min after detection, answered
  // 15 min later, contained after 1.25 h and closed after 29.75 h (see prisma/seed/demo.ts).
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const [from, to] = [day(14), day(4)];
  await signIn(page, (await seedPeople()).manager);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  await page.getByLabel("From", { exact: true }).fill(from);
  await page.getByLabel("To", { exact: true }).fill(to);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}`));
  const figures = page.getByLabel("Key figures");
  const figure = (name: string) => figures.getByRole("group", { name, exact: true }).locator("dd");
  await expect(figure("Incidents")).toHaveText("2");
  await expect(figure("Open / closed")).toHaveText("0 / 2");
  await expect(figure("Time to first response (avg)")).toHaveText("0.3 h");
  await expect(figure("Time to contain (avg)")).toHaveText("1.3 h");
  await expect(figure("Dwell time (avg)")).toHaveText("—");
  await expect(figure("Time to close (avg)")).toHaveText("29.8 h");
  await expect(figure("SLA breaches")).toHaveText("0");
  await expect(figure("Preventive items still open")).toHaveText("6"); // 2 closed tickets × 3 of the seed's 4 recommendations
  await expect(page.getByRole("figure", { name: "Incidents by tenant: open and closed" })).toContainText(
    "Contoso (demo): 0 open, 2 closed.",
  );
  await expect(page.getByRole("figure", { name: "Time to contain against the SLA" })).toContainText(
    "2 of 2 within the target, 0 beyond it.",
  );
  await expect(page.getByRole("img", { name: /Incidents reported per day/ })).toBeVisible();
  await expect(page.getByRole("figure", { name: /Incidents reported per day/ })).toContainText(
    /2 incidents in 11 days; the most \(1\) on \d{1,2} \w{3} and \d{1,2} \w{3}\./,
  );
  await expect(page.getByText("Dwell time: from the first successful suspicious sign-in to containment")).toBeVisible();
  const byTenant = page.getByRole("figure", { name: "Incidents by tenant: open and closed" });
  await byTenant.getByText("The numbers as a table").click();
  await expect(byTenant.getByRole("row", { name: /Contoso \(demo\)/ })).toHaveText(/Contoso \(demo\)\s*0\s*2/);

  const csv = await page.request.get((await page.getByRole("link", { name: "Export CSV" }).getAttribute("href"))!);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  const lines = text.trim().split("\r\n");
  expect(lines[0]).toBe(
    '"ticket","tenant","status","severity","reported","hours_to_first_response","hours_to_contain","dwell_hours","hours_to_close","external_recipients","internal_recipients","open_preventive_items"',
  );
  expect(lines).toHaveLength(3);
  for (const row of lines.slice(1))
    expect(row).toMatch(/^"INC-\d+","Contoso \(demo\)","CLOSED","(LOW|MEDIUM)","[^"]+","0.25","1.25","","29.75","0","0","3"$/);

  // A period that is not one: the error beside the field, what was typed kept, no figures; the CSV refuses it too.
  expect((await page.goto("/dashboard?from=1"))?.status()).toBe(200);
  await expect(page.getByText("Enter a date as YYYY-MM-DD.")).toBeVisible();
  await expect(page.getByLabel("From", { exact: true })).toHaveValue("1");
  // The error under From does not move the fields out of line.
  const [fromBox, toBox] = [
    await page.getByLabel("From", { exact: true }).boundingBox(),
    await page.getByLabel("To", { exact: true }).boundingBox(),
  ];
  expect(Math.abs(fromBox!.y - toBox!.y)).toBeLessThan(1);
  await expect(page.getByLabel("Key figures")).toHaveCount(0);
  await page.goto(`/dashboard?from=${to}&to=${from}`);
  await expect(page.getByText("Start on or before the end date.")).toBeVisible();
  await expect(page.getByLabel("From", { exact: true })).toHaveValue(to);
  expect((await page.request.get("/api/metrics?from=1")).status()).toBe(400);
});

test("only managers and platform admins see the dashboard", async ({ page }) => {
  await signIn(page, (await seedPeople()).engineer);
  expect((await page.goto("/dashboard"))?.status()).toBe(404);
  expect((await page.request.get("/api/metrics")).status()).toBe(404);
});
