import { expect, request, test } from "@playwright/test";
import { openTicketsAutomatically } from "./support/alerts";
import { signIn, USERS } from "./support/auth";

// An alert raised in the tenant becomes a ticket with nobody filing it: the server's scheduled
// poll (every minute) reads security/alerts_v2 and opens the ticket, the alert attached.
const SIMULATOR = `https://localhost:${Number(process.env.E2E_PORT ?? 3200) + 1}`;
const CONTOSO = "2f4a9b1e-6c3d-4e8f-9a0b-1c2d3e4f5a01";

test("a Defender alert for an account becomes a ticket without anyone filing it", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await openTicketsAutomatically(page);
  const simulator = await request.newContext({ baseURL: SIMULATOR, ignoreHTTPSErrors: true });
  const raised = await simulator.post(`/_control/tenants/${CONTOSO}/alerts`, {
    data: { upn: "nestor@contoso.example", title: "Impossible travel activity", severity: "high" },
  });
  expect(raised.status()).toBe(201);

  const context = await browser.newContext();
  const engineer = await context.newPage();
  await signIn(engineer, USERS.engineer);
  const link = engineer.getByRole("row").filter({ hasText: "Impossible travel activity: nestor@contoso.example" }).getByRole("link");
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
  await expect(engineer.getByText(/Impossible travel activity · .*nestor@contoso\.example/)).toBeVisible();
  await context.close();
});
