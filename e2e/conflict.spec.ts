import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { seedPeople } from "./support/seed";
import { openStage } from "./support/stages";

// Two people work the same intake at once (the engineer and the platform admin, both may edit):
// the second save is refused with the shared conflict message, keeps what was typed, shows the
// first person's change, and saving again applies it on top.

const CONFLICT = "Someone else saved this ticket since you opened it.";

test("two writers edit the intake: the second keeps its text, sees the first change, and saves again", async ({ browser }) => {
  test.setTimeout(120_000);
  const contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
  const [reporter, first, second] = await Promise.all(contexts.map((c) => c.newPage()));

  const people = await seedPeople();
  await signIn(reporter!, people.contosoAdmin);
  await reporter!.goto("/tickets/new");
  const form = reporter!.getByRole("form", { name: "Report an incident" });
  await form.getByLabel("Affected account (UPN)").fill("patti@contoso.example");
  await form.getByLabel("Short title (optional)").fill("Patti's mailbox forwards mail (conflict test)");
  await form.getByLabel("The account sent bulk or spam email").check();
  await form.getByRole("button", { name: "File incident" }).click();
  await expect(reporter!).toHaveURL(/\/tickets\/[0-9a-f-]{36}$/);
  const url = reporter!.url();

  // Both open the intake editor on the same version.
  await signIn(first!, people.engineer);
  await signIn(second!, people.platform);
  for (const page of [first!, second!]) {
    await page.goto(url);
    await page.getByText("Edit intake", { exact: true }).click();
  }
  const firstForm = first!.getByRole("form", { name: "Edit intake" });
  const secondForm = second!.getByRole("form", { name: "Edit intake" });

  await firstForm.getByLabel("Title").fill("Forwarding rule on Patti's mailbox (engineer)");
  await firstForm.getByRole("button", { name: "Save intake" }).click();
  await expect(firstForm.getByText(/Intake updated: title/)).toBeVisible();

  // The second writer saved from the old version: refused, nothing of theirs is lost.
  await secondForm.getByLabel("Title").fill("Patti forwards invoices to an outside address (platform)");
  await secondForm.getByLabel("Notes", { exact: true }).fill("Typed by the second writer: keep me");
  await secondForm.getByRole("button", { name: "Save intake" }).click();
  await expect(secondForm.getByRole("alert")).toContainText(CONFLICT);
  await expect(secondForm.getByLabel("Title")).toHaveValue("Patti forwards invoices to an outside address (platform)");
  await expect(secondForm.getByLabel("Notes", { exact: true })).toHaveValue("Typed by the second writer: keep me");
  // …and the page now shows the first writer's change.
  await expect(second!.getByRole("heading", { level: 1 })).toContainText("Forwarding rule on Patti's mailbox (engineer)");

  // Saving again applies on top of the change they have now seen.
  await secondForm.getByRole("button", { name: "Save intake" }).click();
  await expect(secondForm.getByText(/Intake updated: title, symptomsNote/)).toBeVisible();
  await expect(second!.getByRole("heading", { level: 1 })).toContainText("Patti forwards invoices to an outside address (platform)");

  await first!.reload();
  await expect(first!.getByRole("heading", { level: 1 })).toContainText("Patti forwards invoices to an outside address (platform)");
  await openStage(first!, "Timeline");
  await expect(first!.getByRole("list", { name: "Timeline" }).getByText("Intake edited")).toHaveCount(2);
  await Promise.all(contexts.map((c) => c.close()));
});
