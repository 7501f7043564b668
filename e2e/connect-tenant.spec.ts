import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { SIMULATOR_URL as SIMULATOR, type SeededUser } from "./support/seed";
import { attackerSignIn, controlSimulator, seedInCopy, type SimulatedTenant } from "./support/simulator";
import { openStage } from "./support/stages";

// A tenant admin connects a new tenant the way MSP tools do it: admin consent to Breachdesk's
// one multi-tenant app at "Microsoft" (the simulator's Entra, over HTTPS with its self-signed
// certificate), then "Set this up for me" for what consent cannot grant; the engineer then
// contains an account in that tenant. The tests run in order on one tenant of their own (a copy
// of the demo's Northwind, never connected): declined first, then connected, then disconnected.
// Two minutes each: beside the other specs on a loaded machine, a minute was not always enough.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const DIRECTORY_ADMIN_PASSWORD = "Northwind-admin-1"; // simulator/scenario/northwind.ts

let simulator: APIRequestContext;
let northwind: SimulatedTenant;
let people: Record<"admin" | "engineer", SeededUser>;
let jamie: string;

test.beforeAll(async () => {
  simulator = await controlSimulator();
  ({ tenant: northwind, users: people } = await seedInCopy(simulator, "northwind"));
  jamie = `jamie@${northwind.primaryDomain}`;
});

test.afterAll(async () => {
  await simulator?.dispose();
});

/** Signs in on the simulated Microsoft page and presses Accept or Cancel. */
async function atMicrosoft(page: Page, decision: "Accept" | "Cancel") {
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/Permissions requested|Sign in and accept/);
  if (decision === "Accept") {
    await page.getByLabel("Email").fill(`admin@${northwind.primaryDomain}`);
    await page.getByLabel("Password").fill(DIRECTORY_ADMIN_PASSWORD);
  }
  await page.getByRole("button", { name: decision }).click();
}

const item = (page: Page, key: string) => page.locator(`li[data-item="${key}"]`);

test("a declined consent says what Microsoft answered and what to do; a forged callback is refused", async ({ browser }) => {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await signIn(page, people.admin);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Microsoft 365" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(northwind.displayName);
  await expect(page.getByRole("heading", { name: /Microsoft 365 connection/ })).toContainText("Not connected");
  await page.getByRole("button", { name: "Connect Microsoft 365" }).click();
  await expect(page).toHaveURL(new RegExp(`^${SIMULATOR}/organizations/v2\\.0/adminconsent\\?`));
  await atMicrosoft(page, "Cancel");
  await expect(page).toHaveURL(/\/tenant\?attempt=/);
  const alert = page.getByRole("alert").filter({ hasText: "Connecting did not complete" });
  await expect(alert).toContainText("Microsoft answered: access_denied");
  await expect(alert).toContainText("AADSTS65004");
  await expect(alert).toContainText("choose Accept");
  await expect(page.getByRole("heading", { name: /Microsoft 365 connection/ })).toContainText("Not connected");

  // A callback with a state Breachdesk never issued changes nothing.
  await page.goto(`/api/connect/consent?admin_consent=True&tenant=${northwind.tenantId}&state=eyJuIjoieCJ9.forged`);
  await expect(page).toHaveURL(/\/tenant\?refused=bad-signature/);
  await expect(page.getByRole("alert").filter({ hasText: "a state Breachdesk did not issue" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Microsoft 365 connection/ })).toContainText("Not connected");
  await context.close();
});

test("the Northwind admin connects, sets up what consent cannot grant, and the engineer contains an account there", async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await signIn(page, people.admin);
  await page.goto("/tenant");
  await page.getByRole("button", { name: "Connect Microsoft 365" }).click();
  await atMicrosoft(page, "Accept");

  // Back in Breachdesk: consent recorded, the connection checked at once.
  await expect(page).toHaveURL(/\/tenant\?attempt=/);
  await expect(page.getByText("Microsoft 365 is connected: consent was granted and the connection was checked.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Microsoft 365 connection/ })).toContainText("Connected");
  await expect(page.getByText(`Entra tenant id ${northwind.tenantId}`, { exact: false })).toBeVisible();
  await expect(item(page, "consent")).toContainText("Done");
  await expect(item(page, "userAdministrator")).toContainText("Missing");
  await expect(item(page, "messageTrace")).toContainText("Missing");
  await expect(item(page, "mailboxScope")).toContainText("Not set up (optional)");
  await expect(page.getByRole("status").filter({ hasText: "required items done" })).toContainText("1 of 3 required items done");
  // For admins who prefer to do it themselves: the Entra steps and the Graph request.
  await item(page, "userAdministrator").getByText("Do it yourself").click();
  await expect(item(page, "userAdministrator")).toContainText("Roles & admins");
  await expect(item(page, "userAdministrator").getByLabel("Graph request")).toContainText(
    "POST https://graph.microsoft.com/v1.0/roleManagement/directory/roleAssignments",
  );
  await expect(item(page, "userAdministrator").getByLabel("Graph request")).toContainText("fe930be7-5e62-47db-91af-98c3a49a38b1");

  // "Set this up for me": a delegated sign-in at Microsoft (auth code + PKCE).
  await page.getByLabel("Also let Breachdesk reset administrators' passwords (Privileged Authentication Administrator)").check();
  await page.getByRole("button", { name: "Set this up for me" }).click();
  await expect(page).toHaveURL(new RegExp(`^${SIMULATOR}/${northwind.tenantId}/oauth2/v2\\.0/authorize\\?.*code_challenge_method=S256`));
  await atMicrosoft(page, "Accept");
  await expect(page).toHaveURL(/\/tenant\?attempt=/);
  await expect(page.getByText(/The setup is done and the connection was checked again/)).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Ready" })).toContainText("Ready: everything Breachdesk needs is in place.");
  for (const key of ["consent", "userAdministrator", "privilegedAuthentication", "messageTrace"])
    await expect(item(page, key)).toContainText("Done");
  await expect(page.getByRole("button", { name: "Set this up for me" })).toHaveCount(0);
  await page.getByRole("button", { name: "Check again" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ready" })).toContainText("on request");

  // The admin files an incident for Jamie, and the engineer contains the account.
  await page.goto("/tickets/new");
  const form = page.getByRole("form", { name: "Report an incident" });
  await form.getByLabel("Affected account (UPN)").fill(jamie);
  await form.getByLabel("Short title (optional)").fill("Jamie's mailbox is sending invoices");
  await form.getByLabel("The account sent bulk or spam email").check();
  await form.getByRole("button", { name: "File incident" }).click();
  await expect(page).toHaveURL(/\/tickets\/[0-9a-f-]{36}$/);
  const ticketUrl = page.url();
  await context.close();

  expect(await attackerSignIn(simulator, northwind, jamie)).toMatchObject({ success: true });
  const engineerContext = await browser.newContext();
  const engineer = await engineerContext.newPage();
  await signIn(engineer, people.engineer);
  await engineer.goto(ticketUrl);
  await openStage(engineer, "Troubleshooting");
  await engineer.getByRole("button", { name: "Contain account" }).click();
  await expect(engineer.getByRole("alertdialog")).toContainText(`Contain ${jamie}?`);
  await engineer.getByRole("button", { name: "Contain now" }).click();
  await expect(engineer.getByRole("dialog", { name: "Temporary password" })).toBeVisible();
  await engineer.getByRole("button", { name: "I have stored it safely" }).click();
  for (const step of ["reset-password", "enforce-mfa", "block-sign-in", "revoke-sessions"])
    await expect(engineer.locator(`tr[data-step="${step}"]`)).toContainText("Done");
  await expect(engineer.getByRole("heading", { level: 1 }).locator("..")).toContainText("Contained");
  expect(await attackerSignIn(simulator, northwind, jamie)).toMatchObject({ success: false, errorCode: 50057 });
  await engineerContext.close();
});

test("disconnecting stops Breachdesk using the tenant, keeps its tickets readable and says how to remove the consent", async ({ page }) => {
  await signIn(page, people.admin);
  await page.goto("/tenant");
  await page.getByRole("button", { name: "Disconnect" }).click();
  await expect(page.getByRole("alertdialog")).toContainText(`Disconnect ${northwind.displayName}?`);
  await page.getByRole("alertdialog").getByRole("button", { name: "Disconnect" }).click();
  await expect(page.getByRole("heading", { name: /Microsoft 365 connection/ })).toContainText("Disconnected");
  await expect(page.getByRole("list", { name: "Remove the consent" })).toContainText("Enterprise applications");
  await expect(page.getByRole("list", { name: "Remove the consent" })).toContainText("Remove-MgServicePrincipal");
  await expect(page.getByRole("button", { name: "Connect again" })).toBeVisible();
  await page.goto("/tickets");
  await page.getByRole("row").filter({ hasText: jamie }).first().getByRole("link").first().click();
  // The copy's name is letters, digits and a space: safe in a pattern.
  await expect(
    page.getByText(new RegExp(`Breachdesk was disconnected from ${northwind.displayName}.*this ticket is read-only`)),
  ).toBeVisible();
});
