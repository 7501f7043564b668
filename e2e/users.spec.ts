import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { seed, seedPeople, uniqueName } from "./support/seed";

test("a deactivated user is signed out at once and told why; reactivating does not revive the old session", async ({ page, browser }) => {
  const people = await seedPeople();
  const otherContext = await browser.newContext();
  const fabrikam = await otherContext.newPage();
  await signIn(fabrikam, people.fabrikamAdmin);
  await expect(fabrikam.getByRole("heading", { name: "Our incidents" })).toBeVisible();
  const issuedBeforeDeactivation = await otherContext.cookies();

  await signIn(page, people.platform);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await page.getByRole("button", { name: `Deactivate ${people.fabrikamAdmin.email}` }).click();
  const row = page.getByRole("row").filter({ hasText: people.fabrikamAdmin.email });
  await expect(row).toContainText("Deactivated");

  // Still holding a valid session cookie, but its server-side session was revoked.
  await fabrikam.goto("/tickets");
  await expect(fabrikam).toHaveURL(/\/login/);
  await expect(fabrikam.getByRole("status").filter({ hasText: "Your account was deactivated." })).toBeVisible();
  // The session endpoint gives the dead session's identity to nobody.
  expect(await (await fabrikam.request.get("/api/auth/session")).json()).toEqual({});

  await page.getByRole("button", { name: `Reactivate ${people.fabrikamAdmin.email}` }).click();
  await expect(row).toContainText("Active");
  // Reactivated: the session issued before the deactivation stays dead; a new sign-in works.
  await otherContext.clearCookies();
  await otherContext.addCookies(issuedBeforeDeactivation);
  await fabrikam.goto("/tickets");
  await expect(fabrikam).toHaveURL(/\/login/);
  await expect(fabrikam.getByRole("status").filter({ hasText: "Your session has ended. Please sign in again." })).toBeVisible();
  await signIn(fabrikam, people.fabrikamAdmin);
  await expect(fabrikam.getByRole("heading", { name: "Our incidents" })).toBeVisible();
  await otherContext.close();
});

test("the add-user form shows field errors and keeps what was typed", async ({ page }) => {
  const dana = `${uniqueName("dana")}@breachdesk.example`;
  await signIn(page, (await seedPeople()).platform);
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Name").fill("Dana Scully");
  await form.getByLabel("Email").fill(dana);
  await form.getByLabel("Role").selectOption("TENANT_ADMIN");
  await form.getByLabel("Initial password").fill("weak");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByText("A tenant admin needs a tenant.")).toBeVisible();
  await expect(form.getByText("Use at least 12 characters.")).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue("Dana Scully");
  await expect(form.getByLabel("Email")).toHaveValue(dana);

  await form.getByLabel("Role").selectOption("ENGINEER");
  await form.getByLabel("Initial password").fill("Sup3rStrongPass");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByText("Choose the tenants this engineer serves, or all tenants.")).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue("Dana Scully");
  await form.getByRole("checkbox", { name: "Fabrikam (demo)" }).check();
  await form.getByRole("button", { name: "Add user" }).click();
  const row = page.getByRole("row").filter({ hasText: dana });
  await expect(row).toContainText("Support engineer");
  await expect(row).toContainText("Fabrikam (demo)");
});

test("an engineer sees only the tenants it serves, until a platform admin widens them", async ({ page, browser }) => {
  const { users, tickets } = await seed({
    users: [
      { key: "platform", role: "PLATFORM_ADMIN" },
      { key: "contosoAdmin", role: "TENANT_ADMIN", tenant: "contoso" },
    ],
    tickets: [{ key: "contoso", tenant: "contoso", reporter: "contosoAdmin", affectedUpn: "megan@contoso.example" }],
  });
  const foxEmail = `${uniqueName("fox")}@breachdesk.example`;
  const foxName = uniqueName("Fox Mulder");
  await signIn(page, users.platform!);
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Name").fill(foxName);
  await form.getByLabel("Email").fill(foxEmail);
  await form.getByLabel("Role").selectOption("ENGINEER");
  await form.getByRole("checkbox", { name: "Fabrikam (demo)" }).check();
  await form.getByLabel("Initial password").fill("Sup3rStrongPass");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("row").filter({ hasText: foxEmail })).toContainText("Fabrikam (demo)");
  // A Contoso ticket of this test's own.
  const contosoNumber = `INC-${tickets.contoso!.number}`;
  const contosoHref = `/tickets/${tickets.contoso!.id}`;

  const foxContext = await browser.newContext();
  const fox = await foxContext.newPage();
  await signIn(fox, foxEmail, "Sup3rStrongPass");
  await fox.goto("/tickets");
  const queue = fox.getByRole("table");
  await expect(queue).toContainText("Fabrikam (demo)");
  await expect(queue).not.toContainText("Contoso (demo)");
  await fox.goto(contosoHref!);
  await expect(fox.getByRole("heading", { name: /not found/i })).toBeVisible();

  await page.goto("/admin/users");
  await page.getByRole("button", { name: `Choose the tenants ${foxName} serves` }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("checkbox", { name: "All tenants, including ones added later" }).check();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row").filter({ hasText: foxEmail })).toContainText("All tenants");
  await fox.goto(contosoHref!);
  await expect(fox.getByRole("heading", { level: 1 })).toContainText(contosoNumber);

  // Made a tenant admin of Fabrikam: signed out at once; a tenant is required for that role.
  await page.getByRole("button", { name: `Change the role of ${foxName}` }).click();
  await dialog.getByLabel("Role", { exact: true }).selectOption("TENANT_ADMIN");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText("A tenant admin needs a tenant.")).toBeVisible();
  await dialog.getByLabel("Tenant (tenant admins only)").selectOption({ label: "Fabrikam (demo)" });
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row").filter({ hasText: foxEmail })).toContainText("Tenant admin");
  await fox.goto("/tickets");
  await expect(fox).toHaveURL(/\/login/);
  await foxContext.close();
});
