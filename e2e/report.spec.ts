import { expect, test } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { signIn, USERS } from "./support/auth";

// The closed demo tickets wait for review: alex@ (approved here) and lee@ (returned and resubmitted).

test("the manager approves a closed report and downloads its PDF; the tenant admin can then read it", async ({ page, browser }) => {
  await signIn(page, USERS.manager);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reviews" }).click();
  await page.getByRole("link", { name: /Inbox rule deleting replies on Alex's mailbox/ }).click();
  for (const heading of ["Introduction", "1. Issue description", "2. User affected / scope", "3. Business impact", "4. Troubleshooting steps", "5. Resolution and recovery", "6. Preventative measures", "7. Outcome after troubleshooting"]) {
    await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
  }
  await page.getByRole("button", { name: "Approve version 1" }).click();
  await expect(page.getByText("Version 1 review: approved")).toBeVisible();
  await expect(page.getByLabel("Review history")).toContainText("approved by Morgan Lee");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download PDF" }).click();
  const file = await (await download).path();
  const { readFile } = await import("node:fs/promises");
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await readFile(file))), { mergePages: true });
  for (const heading of ["1. Issue description", "2. User affected / scope", "4. Troubleshooting steps", "7. Outcome after troubleshooting"]) expect(text).toContain(heading);
  expect(text).toContain("alex@contoso.example");
  const reportUrl = page.url().split("?")[0]!;

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, USERS.contosoAdmin);
  await admin.goto(reportUrl);
  await expect(admin.getByRole("heading", { name: "7. Outcome after troubleshooting" })).toBeVisible();
  const fabrikamContext = await browser.newContext();
  const fabrikam = await fabrikamContext.newPage();
  await signIn(fabrikam, USERS.fabrikamAdmin);
  expect((await fabrikam.goto(reportUrl))?.status()).toBe(404);
  expect((await fabrikam.request.get(`/api/reports/${reportUrl.split("/").pop()}/pdf`)).status()).toBe(404);
  await adminContext.close();
  await fabrikamContext.close();
});

test("return with comments, the engineer revises the text and resubmits, the manager sees the change and approves version 2", async ({ page, browser }) => {
  const revised = "Consent of the app 'Mail Sync Pro' was revoked for Łukasz → all tenants.";
  await signIn(page, USERS.manager);
  await page.goto("/reviews");
  await page.getByRole("link", { name: /Suspicious app consent on Lee's account/ }).click();
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
  await signIn(admin, USERS.contosoAdmin);
  expect((await admin.goto(reportUrl))?.status()).toBe(404);
  await adminContext.close();

  const engineerContext = await browser.newContext();
  const engineer = await engineerContext.newPage();
  await signIn(engineer, USERS.engineer);
  await engineer.goto(`/tickets/${ticketId}`);
  await expect(engineer.getByText(/Returned by Morgan Lee.*: “Add the consent that was revoked and when.”/)).toBeVisible();
  // Resubmitting without a change is refused: the version would differ only in its timeline.
  await engineer.getByRole("button", { name: "Resubmit for review" }).click();
  await expect(engineer.getByText(/Nothing in the report changed since version 1/)).toBeVisible();
  // The ticket stays closed; the outcome is revised in place.
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
  const changes = page.getByLabel("Changes");
  await expect(changes).toContainText(`What was achieved: ${revised}`);
  await expect(changes.locator(".bg-green-100", { hasText: revised })).toHaveCount(1);
  await page.goto(reportUrl);
  await page.getByRole("button", { name: "Approve version 2" }).click();
  await expect(page.getByLabel("Review history")).toContainText("Version 1: returned by Morgan Lee");
  await expect(page.getByLabel("Review history")).toContainText("Version 2: approved by Morgan Lee");
  // Version 1's page still shows the whole history.
  await page.goto(`${reportUrl}?version=1`);
  await expect(page.getByLabel("Review history")).toContainText("Version 2: approved by Morgan Lee");
  await expect(page.getByRole("region", { name: "7. Outcome after troubleshooting" })).not.toContainText(revised);
});

test("the manager's dashboard shows the period's figures and exports a safe CSV", async ({ page }) => {
  await signIn(page, USERS.manager);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  const figures = page.getByLabel("Key figures");
  await expect(figures).toContainText("Incidents");
  await expect(figures).toContainText("SLA breaches");
  await expect(page.getByRole("figure").filter({ hasText: "Incidents by tenant" })).toContainText("Contoso (demo)");
  const csv = await page.request.get((await page.getByRole("link", { name: "Export CSV" }).getAttribute("href"))!);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text.split("\r\n")[0]).toBe('"ticket","tenant","status","severity","reported","hours_to_first_response","hours_to_contain","dwell_hours","hours_to_close","external_recipients","open_preventive_items"');
  expect(text).toContain('"INC-');
  expect((await page.request.get("/dashboard")).status()).toBe(200);
});

test("only managers and platform admins see the dashboard", async ({ page }) => {
  await signIn(page, USERS.engineer);
  expect((await page.goto("/dashboard"))?.status()).toBe(404);
  expect((await page.request.get("/api/metrics")).status()).toBe(404);
});
