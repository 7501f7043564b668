import { expect, test } from "@playwright/test";
import { tenantOpeningTicketsFromAlerts } from "./support/alerts";
import { signIn } from "./support/auth";

// A password spray compromises 50 accounts; their alerts open one campaign incident, and an
// engineer contains all 50 from the ticket's checklist, watching the progress.
// In a simulator tenant of its own (a copy of the demo's Contoso), so its alerts reach nobody else.

test("an engineer contains a 50-account campaign from one screen and watches it progress", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const { simulator, tenant, users } = await tenantOpeningTicketsFromAlerts(page);
  const spray = await simulator.post(`/_control/tenants/${tenant.tenantId}/spray`, { data: { count: 50, seed: 5 } });
  expect(spray.status()).toBe(201);

  const context = await browser.newContext();
  const engineer = await context.newPage();
  await signIn(engineer, users.engineer!);
  const link = engineer.getByRole("row").filter({ hasText: "Campaign: 50 accounts" }).getByRole("link");
  await expect(async () => {
    await engineer.goto("/tickets");
    await expect(link).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 180_000, intervals: [3_000] });
  await link.click();
  await engineer
    .getByRole("navigation", { name: "Stages" })
    .getByRole("link", { name: /^Troubleshooting\b/ })
    .click();

  const campaign = engineer.getByRole("region", { name: "Campaign accounts (50)" });
  await expect(campaign.getByTestId("campaign-account")).toHaveCount(50);
  await expect(campaign.getByRole("status").filter({ hasText: "0 of 0 steps done" })).toBeVisible();
  await campaign.getByRole("button", { name: "Contain all accounts" }).click();
  const dialog = engineer.getByRole("alertdialog");
  await expect(dialog).toContainText("Contain every account not started (200 steps)?");
  await dialog.getByRole("button", { name: "Contain" }).click();
  // The page follows the workers on its own: progress as text, then every step accepted.
  // (Its first refresh can take a while when the machine is loaded and other specs run beside it.)
  await expect(campaign.getByRole("status").filter({ hasText: /of 200 steps done/ })).toBeVisible({ timeout: 60_000 });
  await expect(campaign.getByText(/200 of 200 steps done \(100 %\): 200 accepted, 0 failed/)).toBeVisible({ timeout: 120_000 });
  // Each account is read back like a single one; once all 50 are verified the ticket is Contained by itself.
  await expect(campaign.getByTestId("campaign-verified")).toContainText("50 of 50 started accounts contained and verified", {
    timeout: 90_000,
  });
  await expect(campaign.getByText(/Whole campaign took/)).toBeVisible();
  await expect(campaign.getByTestId("campaign-account").first()).toContainText("Verified");
  await expect(engineer.getByRole("heading", { level: 1 }).locator("..")).toContainText("Contained");
  // The 50 one-time passwords, shown once in the single-account dialog; Escape asks before closing.
  await campaign.getByRole("button", { name: "Show passwords (50)" }).click();
  const passwords = engineer.getByRole("dialog", { name: "Temporary passwords (50)" });
  await expect(passwords.getByTestId("campaign-password")).toHaveCount(50);
  await engineer.keyboard.press("Escape");
  await expect(passwords.getByText(/Close without storing them\?/)).toBeVisible();
  await passwords.getByRole("button", { name: "Close anyway" }).click();
  await expect(passwords).toBeHidden();
  await expect(campaign.getByRole("button", { name: /Show passwords/ })).toBeHidden();
  await context.close();
  await simulator.dispose();
});
