import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { seedPeople } from "./support/seed";

// The demo's history (and what other specs add meanwhile), chained with the key the demo made,
// verifies: at start-up and on demand.
// Only platform admins see the page.
test("a platform admin sees the audit chain intact and verifies it again", async ({ page }) => {
  await signIn(page, (await seedPeople()).platform);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  await expect(page.getByText("Intact", { exact: true })).toBeVisible();
  await expect(page.getByText(/at start-up\), [\d,]+ events checked/)).toBeVisible();
  await page.getByRole("button", { name: "Verify now" }).click();
  await expect(page.getByText(/on demand\), [\d,]+ events checked/)).toBeVisible();
});

test("anyone else is not shown the audit log page", async ({ page }) => {
  await signIn(page, (await seedPeople()).manager);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toHaveCount(0);
});
