import { expect, type Page } from "@playwright/test";
import { signIn, USERS } from "./auth";

/** A platform admin sets Contoso's Microsoft 365 alerts to open tickets automatically. */
export async function openTicketsAutomatically(page: Page) {
  await signIn(page, USERS.platform);
  await page.goto("/admin/tenants");
  await page.getByRole("link", { name: "Edit Contoso (demo)" }).click();
  const form = page.getByRole("form", { name: "Alerts" });
  await form.getByLabel("Microsoft 365 alerts").selectOption("AUTOMATIC");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("Saved.")).toBeVisible();
}
