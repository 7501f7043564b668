import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { seedPeople } from "./support/seed";

// A platform admin adds a tenant connected through its own app registration and edits its
// approval policy. The client secret is write-only: it must never come back in any response
// (HTML, RSC payload, action result).

test("a platform admin adds a tenant, fixes field errors, and turns on approval; the secret never comes back", async ({ page }) => {
  const suffix = randomUUID().slice(0, 6);
  const name = `Northwind ${suffix}`;
  const domain = `northwind-${suffix}.example`;
  const secret = `nw-secret-${randomUUID()}`;
  const bodies: string[] = [];
  page.on("response", async (response) => {
    try {
      bodies.push(await response.text());
    } catch {
      // redirects and aborted requests have no body
    }
  });

  await signIn(page, (await seedPeople()).platform);
  await page.goto("/admin/tenants");
  const form = page.getByRole("form", { name: "Add a tenant" });
  await form.getByLabel("Display name").fill(name);
  await form.getByLabel("Entra tenant id").fill("not-a-guid");
  await form.getByLabel("Primary domain").fill("north wind");
  await form.getByLabel("Connection").selectOption("ENTRA");
  // Today's form: the tenant's own app registration (Breachdesk's app is the default, connected by consent).
  await expect(form.getByLabel("App", { exact: true })).toHaveValue("DEPLOYMENT_APP");
  await form.getByLabel("App", { exact: true }).selectOption("OWN_APP");
  await form.getByLabel("App client id").fill(randomUUID());
  // Only the service mailbox is optional when adding; the secret is not (it shows "Not set" forever otherwise).
  await expect(form.getByLabel("Service mailbox (optional)")).toBeVisible();
  await expect(form.getByLabel("Client secret", { exact: true })).toBeVisible();
  await form.getByRole("button", { name: "Add tenant" }).click();
  await expect(form.getByText("Enter the app's client secret: Breachdesk cannot connect to the tenant without it.")).toBeVisible();
  await expect(form.getByLabel("Client secret")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Primary domain")).toBeFocused(); // the first field in error
  await expect(form.getByText("Enter the tenant id as a GUID", { exact: false })).toBeVisible();
  await expect(form.getByText("Enter a domain name such as contoso.com.")).toBeVisible();
  await expect(form.getByLabel("Entra tenant id")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Display name")).toHaveValue(name);
  await expect(form.getByLabel("Entra tenant id")).toHaveValue("not-a-guid");
  await expect(form.getByLabel("Primary domain")).toHaveValue("north wind");

  await form.getByLabel("Entra tenant id").fill(randomUUID());
  await form.getByLabel("Primary domain").fill(domain);
  await form.getByLabel("Client secret").fill(secret);
  await form.getByRole("button", { name: "Add tenant" }).click();
  await expect(form.getByText("Tenant added.")).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(domain);
  await expect(row).toContainText("Stored (encrypted)");
  await expect(row).toContainText("Not required");

  await row.getByRole("link", { name: `Edit ${name}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Edit ${name}`);
  const edit = page.getByRole("form", { name: "Edit tenant" });
  await expect(edit.getByLabel("Client secret (optional)")).toHaveValue("");
  await expect(edit.getByText("A secret is stored (encrypted). Leave blank to keep it.")).toBeVisible();
  await edit.getByLabel("Require a second person's approval before destructive steps").check();
  await edit.getByLabel("Service mailbox (optional)").fill(`security@${domain}`);
  await edit.getByRole("button", { name: "Save tenant" }).click();
  await expect(edit.getByText("Tenant saved.")).toBeVisible();

  await page.getByRole("link", { name: "← Tenant connections" }).click();
  const saved = page.getByRole("row").filter({ hasText: name });
  await expect(saved).toContainText("Required");
  await expect(saved).not.toContainText("Not required");
  await expect(saved).toContainText(`security@${domain}`);
  await expect(saved).toContainText("Stored (encrypted)");
  // The demo tenants keep their policies (other specs rely on them).
  await expect(page.getByRole("row").filter({ hasText: "Fabrikam (demo)" })).toContainText("Required");
  await expect(page.getByRole("row").filter({ hasText: "Contoso (demo)" })).toContainText("Not required");

  await page.waitForLoadState("networkidle");
  expect(bodies.length).toBeGreaterThan(5);
  for (const body of bodies) expect(body).not.toContain(secret);
});
