import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn, USERS } from "./support/auth";
import { seed, type SeededUser } from "./support/seed";
import { openEveryStage } from "./support/stages";

// Nothing secret may reach the browser: not password hashes, not tenant app secrets (encrypted
// or plain), not Breachdesk's own app credential (its certificate's private key, its sign-in
// secret) nor a PKCE verifier. Collect every response body (HTML, RSC payloads, JSON) while each
// role uses the app.
const demoApp = JSON.parse(fs.readFileSync(path.join("data", "breachdesk-app", "app.json"), "utf8")) as { signInSecret: string };
const FORBIDDEN = [
  /scrypt\$/,
  /v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{20,}\./,
  /contoso-demo-secret/,
  /fabrikam-demo-secret/,
  /passwordHash/,
  /clientSecretEncrypted/,
  /PRIVATE KEY/,
  /codeVerifier/,
  new RegExp(demoApp.signInSecret.replace(/[-]/g, "\\-")),
];

async function bodiesAs(browser: Browser, user: SeededUser, visit: (page: Page) => Promise<void>) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies: { url: string; body: string }[] = [];
  page.on("response", async (response) => {
    try {
      bodies.push({ url: response.url(), body: await response.text() });
    } catch {
      // redirects and aborted requests have no body
    }
  });
  await signIn(page, user);
  await visit(page);
  await page.goto("/api/auth/session");
  await expect(page.locator("body")).toContainText(user.email);
  await page.waitForLoadState("networkidle");
  await context.close();
  return bodies;
}

async function seedUser(role: "TENANT_ADMIN" | "ENGINEER" | "PLATFORM_ADMIN", tenant?: "contoso" | "northwind"): Promise<SeededUser> {
  return (await seed({ users: [{ key: "user", role, tenant }] })).users.user!;
}

async function openFirstTicket(page: Page, list = "/tickets") {
  await page.goto(list);
  await page.getByRole("row").nth(1).getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");
  // The ticket shows one stage at a time: open each, so every stage's payload is checked.
  await openEveryStage(page);
}

function expectNoSecrets(bodies: { url: string; body: string }[]) {
  expect(bodies.length).toBeGreaterThan(5);
  for (const { url, body } of bodies) {
    for (const pattern of FORBIDDEN) expect(body, `${pattern} in ${url}`).not.toMatch(pattern);
  }
}

test("the platform admin's pages, RSC payloads and session carry no hash or tenant secret", async ({ browser }) => {
  expectNoSecrets(
    await bodiesAs(browser, await seedUser("PLATFORM_ADMIN"), async (page) => {
      await page.goto("/admin/tenants");
      await expect(page.getByText("Stored (encrypted)").first()).toBeVisible();
      await expect(page.getByRole("region", { name: "Breachdesk's app" })).toContainText("thumbprint");
      await page.getByRole("link", { name: "Edit Northwind (demo)" }).click();
      await expect(page.getByRole("heading", { name: /Microsoft 365 connection/ })).toBeVisible();
      await page.goto("/admin/tenants");
      await page.getByRole("link", { name: "Edit Contoso (demo)" }).click();
      await expect(page.getByRole("form", { name: "Edit tenant" }).getByLabel("Client secret")).toHaveValue("");
      await page.goto("/admin/users");
      await expect(page.getByRole("row").filter({ hasText: USERS.contosoAdmin })).toBeVisible();
      await page.goto("/admin/connections");
      await page.getByLabel("Tenant", { exact: true }).selectOption({ label: "Contoso (demo)" });
      await page.getByRole("button", { name: "Check connection" }).click();
      await expect(page.getByRole("table")).toContainText("Contoso (demo)");
      await openFirstTicket(page);
    }),
  );
});

test("the engineer's queue and ticket pages carry no hash or tenant secret", async ({ browser }) => {
  expectNoSecrets(
    await bodiesAs(browser, await seedUser("ENGINEER"), async (page) => {
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Queue");
      await openFirstTicket(page);
      await openFirstTicket(page, "/tickets?status=CLOSED");
    }),
  );
});

test("the tenant admin's Microsoft 365 page carries no app credential or verifier", async ({ browser }) => {
  expectNoSecrets(
    await bodiesAs(browser, await seedUser("TENANT_ADMIN", "northwind"), async (page) => {
      await page.goto("/tenant");
      await expect(page.getByRole("heading", { name: /Microsoft 365 connection/ })).toBeVisible();
      await page.goto("/tickets");
    }),
  );
});

test("the tenant admin's incidents and ticket pages carry no hash or tenant secret", async ({ browser }) => {
  expectNoSecrets(
    await bodiesAs(browser, await seedUser("TENANT_ADMIN", "contoso"), async (page) => {
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Our incidents");
      await openFirstTicket(page);
      await page.goto("/tickets/new");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }),
  );
});
