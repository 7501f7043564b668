import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { seedTriagedTicket } from "./support/seed";
import { openStage } from "./support/stages";

// The header says the one next thing to do and takes the engineer there: on a triaged,
// uncontained ticket that is containment. The comment box says what kind of entry it posts.

test("the header's next action leads to containment; the comment box says what counts as the first response", async ({ page }) => {
  const { engineer, ticket } = await seedTriagedTicket();
  await signIn(page, engineer);
  await page.goto(`/tickets/${ticket.id}`);
  const next = page.getByTestId("next-action");
  await expect(next).toContainText("Next: Contain the account Reset the password");
  await next.getByRole("link", { name: "Contain the account" }).click();
  await expect(page).toHaveURL(/\?stage=checklist#step-reset-password$/);
  await expect(page.getByRole("region", { name: "Stage: Troubleshooting" })).toBeVisible();

  await openStage(page, "Updates");
  const form = page.getByRole("form", { name: "Add a comment" });
  const visibility = form.getByLabel("Visible to", { exact: true });
  await expect(visibility).toHaveAccessibleDescription(/Internal note: only the support team sees it/);
  await visibility.selectOption("PUBLIC");
  await expect(visibility).toHaveAccessibleDescription(/Public update: the customer sees it/);
});

test("the queue's saved views: Mine lists the engineer's own tickets and stays chosen while filtering", async ({ page }) => {
  const { engineer, ticket } = await seedTriagedTicket();
  await signIn(page, engineer);
  await page.goto("/tickets");
  const views = page.getByRole("navigation", { name: "Saved views" });
  await expect(views.getByRole("link", { name: "All tickets" })).toHaveAttribute("aria-current", "page");
  await views.getByRole("link", { name: "Mine" }).click();
  await expect(page).toHaveURL(/\/tickets\?view=mine$/);
  await expect(views.getByRole("link", { name: "Mine" })).toHaveAttribute("aria-current", "page");
  // A new engineer has this one ticket: the view shows it and nothing else.
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(`INC-${ticket.number}`);
  await page.getByRole("search").getByLabel("Severity").selectOption("LOW");
  await page.getByRole("search").getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/view=mine/);
  await expect(page.getByText("No tickets match these filters")).toBeVisible();
});
