import { expect, type Page } from "@playwright/test";
import { signIn } from "./auth";
import type { SeededUser } from "./seed";

/** A platform admin sets a tenant's Microsoft 365 alerts to open tickets automatically. */
export async function openTicketsAutomatically(page: Page, platformAdmin: SeededUser, tenantName: string) {
  await signIn(page, platformAdmin);
  await page.goto("/admin/tenants");
  await page.getByRole("link", { name: `Edit ${tenantName}` }).click();
  const form = page.getByRole("form", { name: "Alerts" });
  await form.getByLabel("Microsoft 365 alerts").selectOption("AUTOMATIC");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("Saved.")).toBeVisible();
}
