import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { seedPeople } from "./support/seed";

// The server opened the job queue on the embedded database at start (its tables exist, the
// housekeeping schedule is set), and only platform admins reach the jobs page.

test("a platform admin opens the jobs page and filters it; an engineer cannot", async ({ page, browser }) => {
  const people = await seedPeople();
  await signIn(page, people.platform);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await expect(page.getByRole("heading", { name: "Jobs" })).toBeVisible();
  const filters = page.getByRole("search", { name: "Filter jobs" });
  await expect(filters.getByLabel("Kind")).toContainText("Purge expired sign-in state");
  await filters.getByLabel("State").selectOption("failed");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/state=failed/);
  await expect(page.getByText("No jobs match these filters")).toBeVisible();

  const context = await browser.newContext();
  const engineer = await context.newPage();
  await signIn(engineer, people.engineer);
  await expect(engineer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" })).toHaveCount(0);
  await engineer.goto("/admin/jobs");
  await expect(engineer.getByRole("heading", { name: /not found/i })).toBeVisible();
  await context.close();
});
