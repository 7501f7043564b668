import { expect, test } from "@playwright/test";
import { signIn, signOut, USERS } from "./support/auth";

const ROLES = [
  { email: USERS.contosoAdmin, role: "Tenant admin", nav: ["Our incidents", "Report an incident"], heading: "Our incidents" },
  { email: USERS.engineer, role: "Support engineer", nav: ["Queue"], heading: "Queue" },
  { email: USERS.manager, role: "Manager", nav: ["Queue", "Reviews", "Dashboard"], heading: "Queue" },
  { email: USERS.platform, role: "Platform admin", nav: ["Queue", "Report an incident", "Reviews", "Dashboard", "Tenants", "Users", "Connections"], heading: "Queue" },
];

for (const r of ROLES) {
  test(`${r.role} signs in, sees the navigation of the role, and signs out`, async ({ page }) => {
    await signIn(page, r.email);
    await expect(page.getByTestId("viewer")).toContainText(r.role);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link")).toHaveText(r.nav);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(r.heading);
    await signOut(page);
    await page.goto("/tickets");
    await expect(page).toHaveURL(/\/login/);
  });
}

test("a wrong password is refused with a message and no session", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(USERS.engineer);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
  await page.goto("/tickets");
  await expect(page).toHaveURL(/\/login/);
});

test("a tenant admin cannot open the platform admin's pages", async ({ page }) => {
  await signIn(page, USERS.contosoAdmin);
  const response = await page.goto("/admin/tenants");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});
