import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { seed } from "./support/seed";

// At phone width nothing scrolls the page sideways: wide tables scroll inside their own box.
// Lists what sticks out (outside any sideways-scrolling box), so a failure names the culprit.
async function sidewaysOverflow(page: import("@playwright/test").Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // Inside a box that clips or scrolls sideways, and (for an absolutely positioned element, such
    // as a screen-reader-only label) a box that is also below its containing block.
    const scrolls = (el: Element): boolean => {
      let needsContainer = getComputedStyle(el).position === "absolute";
      for (let e = el.parentElement; e; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (needsContainer) needsContainer = style.position === "static";
        if (!needsContainer && ["auto", "scroll", "hidden", "clip"].includes(style.overflowX)) return true;
      }
      return false;
    };
    const culprits = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > width + 1 && !scrolls(e) && getComputedStyle(e).position !== "fixed")
      .slice(0, 5)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${String(e.className).slice(0, 60)} "${(e.textContent ?? "").trim().slice(0, 40)}" (${Math.round(e.getBoundingClientRect().right)} px)`,
      );
    return { pageWidth: document.documentElement.scrollWidth, width, culprits };
  });
}

test("at 390 px the pages do not scroll sideways, and the header and stage tabs stay compact", async ({ browser }) => {
  test.setTimeout(180_000);
  const { users, tickets } = await seed({
    users: [
      { key: "admin", role: "TENANT_ADMIN", tenant: "contoso" },
      { key: "engineer", role: "ENGINEER" },
    ],
    tickets: [
      {
        key: "worked",
        tenant: "contoso",
        reporter: "admin",
        assignee: "engineer",
        affectedUpn: "megan@contoso.example",
        status: "TRIAGED",
        workOf: "megan@contoso.example",
      },
    ],
  });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, users.engineer!);
  await expect(page.getByTestId("viewer")).toBeInViewport();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport();
  expect(await sidewaysOverflow(page)).toMatchObject({ culprits: [] });
  // The queue is a list of cards: nothing scrolls sideways, and a row's severity, status and SLA
  // clocks are on screen without it.
  const queue = page.locator("table.queue");
  expect(await queue.evaluate((t) => t.scrollWidth <= t.parentElement!.clientWidth)).toBe(true);
  const row = page.getByRole("row").filter({ hasText: `INC-${tickets.worked!.number}` });
  await row.scrollIntoViewIfNeeded();
  for (const part of [
    row.getByText(/^(Low|Medium|High|Critical)$/).first(),
    row.getByText("Triaged").first(),
    row.locator(".clock").first(),
    row.locator(".clock").last(),
  ]) {
    await expect(part).toBeInViewport();
  }
  const base = `/tickets/${tickets.worked!.id}`;
  for (const stage of ["intake", "scope", "impact", "checklist", "resolution", "prevention", "outcome", "updates", "timeline"]) {
    await page.goto(`${base}?stage=${stage}`);
    await page.waitForLoadState("networkidle");
    expect({ stage, ...(await sidewaysOverflow(page)) }).toMatchObject({ stage, culprits: [] });
  }
  // The stage tabs are one row, and the open stage's tab is scrolled into view.
  const tabs = page.getByRole("navigation", { name: "Stages" });
  expect((await tabs.boundingBox())!.height).toBeLessThan(60);
  await expect(tabs.getByRole("link", { name: /^Timeline\b/ })).toBeInViewport();
  await context.close();

  const admin = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const adminPage = await admin.newPage();
  await signIn(adminPage, users.admin!);
  await adminPage.goto("/tickets/new");
  expect(await sidewaysOverflow(adminPage)).toMatchObject({ culprits: [] });
  await admin.close();
});
