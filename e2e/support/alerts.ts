import { expect, type Page } from "@playwright/test";
import { signIn } from "./auth";
import { controlSimulator, seedInCopy } from "./simulator";

/**
 * A Contoso copy of the spec's own whose Microsoft 365 alerts open tickets automatically, set by
 * its own platform admin on Admin → Tenants. As in the demo, the seed incident's account already
 * has an open ticket: Megan's own alerts join it instead of opening tickets (or joining a wave).
 */
export async function tenantOpeningTicketsFromAlerts(page: Page) {
  const simulator = await controlSimulator();
  const seeded = await seedInCopy(simulator, "contoso", {
    users: [{ key: "platform", role: "PLATFORM_ADMIN" }],
    tickets: [{ key: "megan", account: "megan", severity: "HIGH" }],
  });
  await signIn(page, seeded.users.platform!);
  await page.goto("/admin/tenants");
  await page.getByRole("link", { name: `Edit ${seeded.tenant.displayName}` }).click();
  const form = page.getByRole("form", { name: "Alerts" });
  await form.getByLabel("Microsoft 365 alerts").selectOption("AUTOMATIC");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("Saved.")).toBeVisible();
  return { ...seeded, simulator };
}
