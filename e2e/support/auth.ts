import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Breachdesk-demo-1";

export const USERS = {
  contosoAdmin: "admin@contoso.example",
  fabrikamAdmin: "admin@fabrikam.example",
  northwindAdmin: "admin@northwind.example",
  engineer: "engineer@breachdesk.example",
  manager: "manager@breachdesk.example",
  platform: "platform@breachdesk.example",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("viewer")).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}
