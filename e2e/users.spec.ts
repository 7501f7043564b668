import { expect, test } from "@playwright/test";
import { signIn, USERS } from "./support/auth";

test("a deactivated user is signed out at once and told why; reactivating does not revive the old session", async ({ page, browser }) => {
  const otherContext = await browser.newContext();
  const fabrikam = await otherContext.newPage();
  await signIn(fabrikam, USERS.fabrikamAdmin);
  await expect(fabrikam.getByRole("heading", { name: "Our incidents" })).toBeVisible();
  const issuedBeforeDeactivation = await otherContext.cookies();

  await signIn(page, USERS.platform);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await page.getByRole("button", { name: `Deactivate ${USERS.fabrikamAdmin}` }).click();
  const row = page.getByRole("row").filter({ hasText: USERS.fabrikamAdmin });
  await expect(row).toContainText("Deactivated");

  // Still holding a valid session cookie, but its server-side session was revoked.
  await fabrikam.goto("/tickets");
  await expect(fabrikam).toHaveURL(/\/login/);
  await expect(fabrikam.getByRole("status").filter({ hasText: "Your account was deactivated." })).toBeVisible();
  // The session endpoint gives the dead session's identity to nobody.
  expect(await (await fabrikam.request.get("/api/auth/session")).json()).toEqual({});

  await page.getByRole("button", { name: `Reactivate ${USERS.fabrikamAdmin}` }).click();
  await expect(row).toContainText("Active");
  // Reactivated: the session issued before the deactivation stays dead; a new sign-in works.
  await otherContext.clearCookies();
  await otherContext.addCookies(issuedBeforeDeactivation);
  await fabrikam.goto("/tickets");
  await expect(fabrikam).toHaveURL(/\/login/);
  await expect(fabrikam.getByRole("status").filter({ hasText: "Your session has ended. Please sign in again." })).toBeVisible();
  await signIn(fabrikam, USERS.fabrikamAdmin);
  await expect(fabrikam.getByRole("heading", { name: "Our incidents" })).toBeVisible();
  await otherContext.close();
});

test("the add-user form shows field errors and keeps what was typed", async ({ page }) => {
  await signIn(page, USERS.platform);
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Name").fill("Dana Scully");
  await form.getByLabel("Email").fill("dana@breachdesk.example");
  await form.getByLabel("Role").selectOption("TENANT_ADMIN");
  await form.getByLabel("Initial password").fill("weak");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByText("A tenant admin needs a tenant.")).toBeVisible();
  await expect(form.getByText("Use at least 12 characters.")).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue("Dana Scully");
  await expect(form.getByLabel("Email")).toHaveValue("dana@breachdesk.example");

  await form.getByLabel("Role").selectOption("ENGINEER");
  await form.getByLabel("Initial password").fill("Sup3rStrongPass");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("row").filter({ hasText: "dana@breachdesk.example" })).toContainText("Support engineer");
});
