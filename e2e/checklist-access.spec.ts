import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { seed, seedPeople, seedTriagedTicket } from "./support/seed";
import { openStage } from "./support/stages";

// Who may run the checklist, and what a connection allows, before anyone clicks: nothing here
// changes a tenant, so it runs beside the other specs (containment.spec.ts runs the steps).

test("tenant admins see the checklist but cannot run it", async ({ page }) => {
  const { admin, ticket } = await seedTriagedTicket({ workOf: "adele@contoso.example" });
  await signIn(page, admin);
  await page.goto(`/tickets/${ticket.id}`);
  await openStage(page, "Troubleshooting");
  await expect(page.getByRole("heading", { name: "Troubleshooting checklist" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Contain account" })).toHaveCount(0);
});

test("the platform admin checks what each tenant connection can do before anyone clicks", async ({ page }) => {
  await signIn(page, (await seedPeople()).platform);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Connections" }).click();
  await expect(page.getByRole("heading", { name: "Connection check" })).toBeVisible();
  await page.getByLabel("Tenant", { exact: true }).selectOption({ label: "Fabrikam (demo)" });
  await page.getByRole("button", { name: "Check connection" }).click();
  await expect(page).toHaveURL(/tenant=/);
  await expect(page.getByText(/^Fabrikam \(demo\): 21 of 28 operations available/)).toBeVisible();
  await expect(page.locator('tr[data-op="revokeSessions"]')).toContainText("Missing");
  await expect(page.locator('tr[data-op="listSignIns"]')).toContainText("Entra ID P1 licence");
  // Identity Protection's risk detections (read by the alert poll) need P1 or P2 too.
  await expect(page.locator('tr[data-op="listRiskDetections"]')).toContainText("Entra ID P1");
  // The sign-in log needs two permissions, and the check names both.
  await expect(page.locator('tr[data-op="listSignIns"]')).toContainText("AuditLog.Read.All and Directory.Read.All");
  await expect(page.locator('tr[data-op="listMessageTraces"]')).toContainText("Message trace is not enabled");
  await expect(page.locator('tr[data-op="listMessageTraces"]')).toContainText("the message trace API's service principal (app 8bd644d1");
  // A write needing the P2 licence Fabrikam lacks is not available, although its permission is granted.
  await expect(page.locator('tr[data-op="confirmCompromised"]')).toContainText("Needs an Entra ID P2 licence");
  await expect(page.locator('tr[data-op="setAccountEnabled"]')).toContainText("Block or allow sign-in");
  await expect(page.locator('tr[data-op="listUserRoles"]')).toContainText("Works");
  await expect(page.locator('tr[data-op="getServicePrincipal"]')).toContainText("Works");
  await page.getByLabel("Tenant", { exact: true }).selectOption({ label: "Contoso (demo)" });
  await page.getByRole("button", { name: "Check connection" }).click();
  await expect(page.getByText(/^Contoso \(demo\): 28 of 28 operations available\./)).toBeVisible();
  await expect(page.locator('tr[data-op="resetPassword"]')).toContainText("holds User Administrator");
  await expect(page.locator('tr[data-op="revokeSessions"]')).toContainText("Granted");
  await expect(page.locator('tr[data-op="listSignIns"]')).toContainText("Works");
  await expect(page.locator('tr[data-op="listRiskDetections"]')).toContainText("Works");
});

test("a closed ticket's checklist runs nothing and says why", async ({ page }) => {
  const { users, tickets } = await seed({
    users: [
      { key: "admin", role: "TENANT_ADMIN", tenant: "contoso" },
      { key: "engineer", role: "ENGINEER" },
    ],
    tickets: [
      {
        key: "closed",
        tenant: "contoso",
        reporter: "admin",
        assignee: "engineer",
        affectedUpn: "alex@contoso.example",
        status: "CLOSED",
        workOf: "alex@contoso.example",
      },
    ],
  });
  await signIn(page, users.engineer!);
  await page.goto(`/tickets/${tickets.closed!.id}`);
  await openStage(page, "Troubleshooting");
  await expect(page.getByText("The ticket is closed, so nothing here runs")).toBeVisible();
  for (const name of ["Take evidence snapshot", "Take a new snapshot", "Contain account", "Run containment again"])
    await expect(page.getByRole("button", { name })).toHaveCount(0);
  await expect(page.locator('tr[data-step="block-sign-in"]').getByRole("button")).toHaveCount(0);
});
