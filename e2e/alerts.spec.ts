import { expect, test } from "@playwright/test";
import { tenantOpeningTicketsFromAlerts } from "./support/alerts";
import { signIn } from "./support/auth";

// An alert raised in the tenant becomes a ticket with nobody filing it: the server's scheduled
// poll (every minute) reads security/alerts_v2 and opens the ticket, the alert attached.
// In a simulator tenant of its own (a copy of the demo's Contoso), so its alerts reach nobody else.

test("a Defender alert for an account becomes a ticket without anyone filing it", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const { simulator, tenant, users } = await tenantOpeningTicketsFromAlerts(page);
  const nestor = `nestor@${tenant.primaryDomain}`;
  const raised = await simulator.post(`/_control/tenants/${tenant.tenantId}/alerts`, {
    data: { upn: nestor, title: "Impossible travel activity", severity: "high" },
  });
  expect(raised.status()).toBe(201);

  const context = await browser.newContext();
  const engineer = await context.newPage();
  await signIn(engineer, users.engineer!);
  const link = engineer
    .getByRole("row")
    .filter({ hasText: `Impossible travel activity: ${nestor}` })
    .getByRole("link");
  // Within one poll interval (and the scheduler's own tick); the queue is read again until then.
  await expect(async () => {
    await engineer.goto("/tickets");
    await expect(link).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 180_000, intervals: [3_000] });
  await link.click();
  await engineer
    .getByRole("navigation", { name: "Stages" })
    .getByRole("link", { name: /^Troubleshooting\b/ })
    .click();
  // The Defender alert, and Identity Protection's risky-user event it came with.
  await expect(engineer.getByText("Microsoft 365 alerts attached (2)")).toBeVisible();
  await expect(engineer.getByText(new RegExp(`Impossible travel activity · .*${nestor.replaceAll(".", "\\.")}`))).toBeVisible();
  await context.close();
  await simulator.dispose();
});
