import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./support/auth";
import { seed, seedPeople, uniqueName } from "./support/seed";
import { openStage } from "./support/stages";

test("a tenant admin files an incident and the engineer finds it in the queue", async ({ page }) => {
  const people = await seedPeople();
  await signIn(page, people.contosoAdmin);
  await page.getByRole("link", { name: "Report an incident" }).first().click();
  await expect(page.getByRole("heading", { name: "Report a compromised account" })).toBeVisible();

  const form = page.getByRole("form", { name: "Report an incident" });
  await form.getByLabel("Affected account (UPN)").fill("alex@contoso.example");
  await form.getByLabel("Short title (optional)").fill("Alex's mailbox sending invoices to Gmail");
  await form.getByLabel("The account sent bulk or spam email").check();
  await form.getByLabel("Microsoft restricted the account from sending email").check();
  await form.getByLabel("Anything else you saw").fill("Outbound spam alert at 09:12; recipients at gmail.com complained.");
  await form.getByLabel("Severity").selectOption("HIGH");
  await form.getByRole("button", { name: "File incident" }).click();

  await expect(page).toHaveURL(/\/tickets\/[0-9a-f-]{36}$/);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toContainText("Alex's mailbox sending invoices to Gmail");
  const number = (await heading.locator("span.font-mono").textContent())!.trim();
  expect(number).toMatch(/^INC-\d+$/);
  await expect(page.getByText("Outbound spam alert at 09:12")).toBeVisible();
  // The demo already holds an open incident for another account, not this one; alex's old one is closed.
  await signOut(page);

  await signIn(page, people.engineer);
  await page.getByRole("searchbox", { name: "Search" }).fill(number);
  await page.getByRole("button", { name: "Apply" }).click();
  const row = page.getByRole("row").filter({ hasText: number });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("alex@contoso.example");
  await expect(row).toContainText("Contoso (demo)");
  await expect(row).toContainText("New");
  // Both SLA clocks, each with its state in words.
  await expect(page.getByRole("columnheader", { name: "First response" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Time to contain" })).toBeVisible();
  await expect(row).toContainText(/First response:\s*(running|at risk|breached)/);
  await expect(row).toContainText(/Time to contain:\s*(running|at risk|breached)/);
  await row.getByRole("link", { name: number }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
  await expect(page.locator("#intake").getByRole("listitem").filter({ hasText: "The account sent bulk or spam email" })).toBeVisible();
});

test("invalid intake shows every field error in one submit, focuses the first, and keeps what was typed", async ({ page }) => {
  await signIn(page, (await seedPeople()).contosoAdmin);
  await page.goto("/tickets/new");
  const form = page.getByRole("form", { name: "Report an incident" });
  const upn = form.getByLabel("Affected account (UPN)");
  await upn.fill("megan@fabrikam.example");
  await form.getByLabel("Short title (optional)").fill("Typed title stays");
  await form.getByLabel("When was it detected?").fill("");
  await form.getByLabel("Severity").selectOption("CRITICAL");
  await form.getByRole("button", { name: "File incident" }).click();

  // The wrong domain (a tenant rule), nothing observed and no time: all in the same answer.
  await expect(form.getByText("The account must be in your tenant's domain (contoso.example).")).toBeVisible();
  await expect(form.getByText("Tick at least one thing you observed, or describe it below.")).toBeVisible();
  await expect(form.getByText("Enter when the problem was detected.")).toBeVisible();
  await expect(upn).toBeFocused();
  await expect(upn).toHaveValue("megan@fabrikam.example");
  await expect(upn).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Short title (optional)")).toHaveValue("Typed title stays");
  await expect(form.getByLabel("Severity")).toHaveValue("CRITICAL");
  await expect(page).toHaveURL(/\/tickets\/new$/);

  // Not an address: the example is in the viewer's own domain; the other errors stay listed.
  await upn.fill("not an address");
  await form.getByLabel("Anything else you saw").fill("A note that must not be lost");
  await form.getByRole("button", { name: "File incident" }).click();
  await expect(form.getByText("Enter the account's sign-in name (UPN), e.g. name@contoso.example.")).toBeVisible();
  await expect(form.getByText("Tick at least one thing you observed, or describe it below.")).toHaveCount(0);
  await expect(form.getByText("Enter when the problem was detected.")).toBeVisible();
  await expect(form.getByLabel("Anything else you saw")).toHaveValue("A note that must not be lost");
});

test("a Fabrikam admin is shown examples in Fabrikam's domain", async ({ page }) => {
  await signIn(page, (await seedPeople()).fabrikamAdmin);
  await page.goto("/tickets/new");
  const form = page.getByRole("form", { name: "Report an incident" });
  await expect(form.getByText("The user's sign-in name, e.g. name@fabrikam.example")).toBeVisible();
  await form.getByLabel("Affected account (UPN)").fill("nope");
  await form.getByLabel("The account sent bulk or spam email").check();
  await form.getByRole("button", { name: "File incident" }).click();
  await expect(form.getByText("Enter the account's sign-in name (UPN), e.g. name@fabrikam.example.")).toBeVisible();
  await expect(form).not.toContainText("contoso");
});

test("filing for an account with an open incident offers that incident first, without blocking", async ({ page }) => {
  const account = `${uniqueName("dup")}@contoso.example`;
  const { users } = await seed({
    users: [{ key: "admin", role: "TENANT_ADMIN", tenant: "contoso" }],
    tickets: [{ key: "open", tenant: "contoso", reporter: "admin", affectedUpn: account, title: `${account} is sending bulk mail` }],
  });
  await signIn(page, users.admin!);
  await page.goto("/tickets/new");
  const form = page.getByRole("form", { name: "Report an incident" });
  await form.getByLabel("Affected account (UPN)").fill(account);
  await form.getByLabel("The account sent bulk or spam email").check();
  await form.getByRole("button", { name: "File incident" }).click();

  const notice = form.getByRole("status", { name: "Open incidents for this account" });
  await expect(notice).toContainText(
    /INC-\d+ \((New|Triaged|Contained|Resolved|Reopened)\) is open for this account – add to it instead\?/,
  );
  await expect(notice).toBeFocused();
  await expect(page).toHaveURL(/\/tickets\/new$/);
  await expect(form.getByRole("button", { name: "File anyway" })).toBeVisible();
  // Another account may have none: the next submit asks again.
  await form.getByLabel("Affected account (UPN)").fill("alex@contoso.example");
  await expect(form.getByRole("button", { name: "File incident" })).toBeVisible();
  await expect(notice).toHaveCount(0);
  await form.getByLabel("Affected account (UPN)").fill(account);
  await form.getByRole("button", { name: "File incident" }).click();
  // "Add to it instead": the link opens the open incident.
  const link = notice.getByRole("link", { name: /^INC-\d+$/ });
  const number = (await link.textContent())!.trim();
  await link.click();
  await expect(page).toHaveURL(/\/tickets\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${account} is sending bulk mail`);
});

test("a Fabrikam admin gets 'not found' for a Contoso ticket URL", async ({ page, browser }) => {
  const { users, tickets } = await seed({
    users: [
      { key: "contosoAdmin", role: "TENANT_ADMIN", tenant: "contoso" },
      { key: "fabrikamAdmin", role: "TENANT_ADMIN", tenant: "fabrikam" },
    ],
    tickets: [{ key: "contoso", tenant: "contoso", reporter: "contosoAdmin", affectedUpn: "megan@contoso.example" }],
  });
  // The Contoso admin opens a Contoso ticket…
  await signIn(page, users.contosoAdmin!);
  await page.goto(`/tickets/${tickets.contoso!.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`INC-${tickets.contoso!.number}`);
  const url = page.url();

  // …then open it as Fabrikam's admin in a separate browser context.
  const other = await browser.newContext();
  const fabrikam = await other.newPage();
  await signIn(fabrikam, users.fabrikamAdmin!);
  const response = await fabrikam.goto(url);
  expect(response?.status()).toBe(404);
  await expect(fabrikam.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(fabrikam.getByText("megan@contoso.example")).toHaveCount(0);
  await other.close();
});

test("tenant admins see and write only public comments", async ({ page }) => {
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
        affectedUpn: "adele@contoso.example",
        status: "TRIAGED",
      },
    ],
  });
  await signIn(page, users.admin!);
  await page.goto(`/tickets/${tickets.worked!.id}`);
  await openStage(page, "Updates");
  await expect(page.getByText("Thanks for the report.")).toBeVisible();
  await expect(page.getByText(/^Internal:/)).toHaveCount(0);
  await expect(page.getByLabel("Visible to")).toHaveCount(0);
  await page.getByLabel("Add an update").fill("The user confirms she did not travel.");
  await page.getByRole("button", { name: "Post" }).click();
  await expect(page.getByRole("list", { name: "Comments" })).toContainText("The user confirms she did not travel.");

  // Evidence: a wrong type is refused beside the field; an allowed one is listed and downloadable.
  const upload = page.getByRole("form", { name: "Attach evidence" });
  // No file chosen: said before anything is sent, with focus on the file field.
  await upload.getByRole("button", { name: "Upload" }).click();
  await expect(upload.getByText("Choose a file to attach.")).toBeVisible();
  await expect(upload.getByLabel(/Attach evidence/)).toBeFocused();
  await upload.getByLabel(/Attach evidence/).setInputFiles({ name: "page.html", mimeType: "text/html", buffer: Buffer.from("<b>x</b>") });
  await upload.getByRole("button", { name: "Upload" }).click();
  await expect(upload.getByText(/Allowed types/)).toBeVisible();
  await upload
    .getByLabel(/Attach evidence/)
    .setInputFiles({ name: "ndr.eml", mimeType: "message/rfc822", buffer: Buffer.from("Subject: Undeliverable") });
  await upload.getByRole("button", { name: "Upload" }).click();
  const link = page.getByRole("list", { name: "Evidence" }).getByRole("link", { name: "ndr.eml" });
  await expect(link).toBeVisible();
  const download = await page.request.get((await link.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toContain("ndr.eml");
  expect(await download.text()).toBe("Subject: Undeliverable");
});

test("a tenant admin names several accounts, pasted or from a CSV, and files one campaign incident", async ({ page }) => {
  const people = await seedPeople();
  const [first, second, third] = ["wave-a", "wave-b", "wave-c"].map((n) => `${uniqueName(n)}@contoso.example`.toLowerCase());
  await signIn(page, people.contosoAdmin);
  await page.goto("/tickets/new");
  const form = page.getByRole("form", { name: "Report an incident" });
  await form.getByLabel("Affected account (UPN)").fill(first!);
  await form.getByLabel("Short title (optional)").fill("");
  await form.getByLabel("The account sent bulk or spam email").check();
  const others = form.getByLabel("Other affected accounts (optional)");
  await others.fill(`${second}\nnot an address\nzed@fabrikam.example`);
  await form.getByRole("button", { name: "File incident" }).click();

  // Each bad line named, what was typed kept.
  await expect(form.getByText('Line 2: "not an address" is not a sign-in name (UPN).')).toBeVisible();
  await expect(form.getByText("Line 3: zed@fabrikam.example is not in your tenant's domain (contoso.example).")).toBeVisible();
  await expect(others).toHaveValue(`${second}\nnot an address\nzed@fabrikam.example`);
  await expect(form.getByLabel("Affected account (UPN)")).toHaveValue(first!);
  await expect(page).toHaveURL(/\/tickets\/new$/);

  // A CSV with an `account` column replaces the pasted list in the box, then files.
  const csv = `name,account\nB,${second}\nC,${third}\n`;
  await form
    .getByLabel("Or upload a CSV of accounts")
    .setInputFiles({ name: "accounts.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(others).toHaveValue(csv);
  await form.getByRole("button", { name: "File incident" }).click();
  await expect(page).toHaveURL(/\/tickets\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Campaign: 3 accounts — ${first}`);
  const url = page.url();
  await signOut(page);

  // The engineer finds every account on the campaign board.
  await signIn(page, people.engineer);
  await page.goto(url);
  await openStage(page, "Troubleshooting");
  const campaign = page.getByRole("region", { name: "Campaign accounts (3)" });
  await expect(campaign.getByTestId("campaign-account")).toHaveCount(3);
  for (const upn of [first, second, third]) await expect(campaign).toContainText(upn!);
});
