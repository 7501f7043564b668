import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Breachdesk-demo-1";

// The demo's sign-ins: only for what the demo itself shows (the sign-in page's list, the demo
// directory). Tests sign in as users they seeded themselves (support/seed.ts).
export const USERS = {
  contosoAdmin: "admin@contoso.example",
  fabrikamAdmin: "admin@fabrikam.example",
  northwindAdmin: "admin@northwind.example",
  engineer: "engineer@breachdesk.example",
  manager: "manager@breachdesk.example",
  platform: "platform@breachdesk.example",
} as const;

/** Signs in as a seeded user, or as an email with the given password (the demo's by default). */
export async function signIn(page: Page, user: string | { email: string; password: string }, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(typeof user === "string" ? user : user.email);
  await page.getByLabel("Password").fill(typeof user === "string" ? password : user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("viewer")).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}
