import { expect, type Page } from "@playwright/test";

// The ticket page shows one stage at a time (?stage=<id>); these open one through its tab.
export const STAGE_LABELS = [
  "Intake",
  "Scope",
  "Business impact",
  "Troubleshooting",
  "Resolution",
  "Prevention",
  "Outcome",
  "Updates",
  "Timeline",
] as const;
export type StageLabel = (typeof STAGE_LABELS)[number];

/** Clicks the stage's tab and waits until the page shows that stage. */
export async function openStage(page: Page, label: StageLabel) {
  const tab = page.getByRole("navigation", { name: "Stages" }).getByRole("link", { name: new RegExp(`^${label}\\b`) });
  await tab.click();
  await expect(tab).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("region", { name: `Stage: ${label}` })).toBeVisible();
}

/** Opens every stage in turn (to load everything the one-page ticket used to show). */
export async function openEveryStage(page: Page) {
  for (const label of STAGE_LABELS) {
    await openStage(page, label);
    await page.waitForLoadState("networkidle");
  }
}
