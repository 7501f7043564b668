import { expect, test, type Page } from "@playwright/test";
import { signIn, USERS } from "./support/auth";

// Nothing secret may reach the browser: not password hashes, not tenant app secrets (encrypted
// or plain). Collect every response body (HTML, RSC payloads, JSON) while using the app.
const FORBIDDEN = [/scrypt\$/, /v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{20,}\./, /contoso-demo-secret/, /fabrikam-demo-secret/, /passwordHash/, /clientSecretEncrypted/];

async function collectBodies(page: Page, visit: () => Promise<void>) {
  const bodies: string[] = [];
  page.on("response", async (response) => {
    try {
      bodies.push(await response.text());
    } catch {
      // redirects and aborted requests have no body
    }
  });
  await visit();
  await page.waitForLoadState("networkidle");
  return bodies;
}

test("no password hash or tenant secret appears in any page, RSC payload or API response", async ({ page }) => {
  const bodies = await collectBodies(page, async () => {
    await signIn(page, USERS.platform);
    await page.goto("/admin/tenants");
    await expect(page.getByText("Stored (encrypted)").first()).toBeVisible();
    await page.goto("/tickets");
    await page.getByRole("row").nth(1).getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.goto("/api/auth/session");
  });
  expect(bodies.length).toBeGreaterThan(5);
  for (const body of bodies) {
    for (const pattern of FORBIDDEN) expect(body).not.toMatch(pattern);
  }
});
