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
  await expect(form.getByText("Choose the tenants this engineer serves, or all tenants.")).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue("Dana Scully");
  await form.getByRole("checkbox", { name: "Fabrikam (demo)" }).check();
  await form.getByRole("button", { name: "Add user" }).click();
  const row = page.getByRole("row").filter({ hasText: "dana@breachdesk.example" });
  await expect(row).toContainText("Support engineer");
  await expect(row).toContainText("Fabrikam (demo)");
});

test("an engineer sees only the tenants it serves, until a platform admin widens them", async ({ page, browser }) => {
  await signIn(page, USERS.platform);
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Name").fill("Fox Mulder");
  await form.getByLabel("Email").fill("fox@breachdesk.example");
  await form.getByLabel("Role").selectOption("ENGINEER");
  await form.getByRole("checkbox", { name: "Fabrikam (demo)" }).check();
  await form.getByLabel("Initial password").fill("Sup3rStrongPass");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("row").filter({ hasText: "fox@breachdesk.example" })).toContainText("Fabrikam (demo)");
  // A Contoso ticket, as the platform admin sees it.
  await page.goto("/tickets?q=megan");
  const contosoLink = page.getByRole("link", { name: /^INC-/ }).first();
  const contosoNumber = (await contosoLink.innerText()).trim();
  const contosoHref = await contosoLink.getAttribute("href");

  const foxContext = await browser.newContext();
  const fox = await foxContext.newPage();
  await signIn(fox, "fox@breachdesk.example", "Sup3rStrongPass");
  await fox.goto("/tickets");
  const queue = fox.getByRole("table");
  await expect(queue).toContainText("Fabrikam (demo)");
  await expect(queue).not.toContainText("Contoso (demo)");
  await fox.goto(contosoHref!);
  await expect(fox.getByRole("heading", { name: /not found/i })).toBeVisible();

  await page.goto("/admin/users");
  await page.getByRole("button", { name: "Choose the tenants Fox Mulder serves" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("checkbox", { name: "All tenants, including ones added later" }).check();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row").filter({ hasText: "fox@breachdesk.example" })).toContainText("All tenants");
  await fox.goto(contosoHref!);
  await expect(fox.getByRole("heading", { level: 1 })).toContainText(contosoNumber);

  // Made a tenant admin of Fabrikam: signed out at once; a tenant is required for that role.
  await page.getByRole("button", { name: "Change the role of Fox Mulder" }).click();
  await dialog.getByLabel("Role", { exact: true }).selectOption("TENANT_ADMIN");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText("A tenant admin needs a tenant.")).toBeVisible();
  await dialog.getByLabel("Tenant (tenant admins only)").selectOption({ label: "Fabrikam (demo)" });
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row").filter({ hasText: "fox@breachdesk.example" })).toContainText("Tenant admin");
  await fox.goto("/tickets");
  await expect(fox).toHaveURL(/\/login/);
  await foxContext.close();
});
