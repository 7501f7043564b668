import { expect, test } from "@playwright/test";
import { startSmtpSink } from "../tests/support/smtp-sink";
import { signIn } from "./support/auth";
import { seed, uniqueName, type SeededUser } from "./support/seed";
import { openStage } from "./support/stages";

// The engineer posts a public update; the tenant admin sees the count in the header, the
// notification in the menu and "Updated" on their list, and opening it reads it. The mail is
// checked on Admin → Outgoing mail (the demo runs without SMTP_URL, so mails are rendered and
// kept there). Run with SMTP_URL=smtp://127.0.0.1:<port> in the environment (the web server
// inherits it) and this spec also listens on that port with smtp-server and checks the mail
// arrived there. Its own tenant, people and ticket keep the counts its own.

const smtpPort = process.env.SMTP_URL ? Number(new URL(process.env.SMTP_URL).port) : null;
let sink: Awaited<ReturnType<typeof startSmtpSink>> | null = null;
test.beforeAll(async () => {
  if (smtpPort) sink = await startSmtpSink({ port: smtpPort });
});
test.afterAll(async () => {
  await sink?.close();
});

test("a public update reaches the tenant admin in the header, on their list and by mail", async ({ page, browser }) => {
  test.setTimeout(120_000); // three sign-ins and a dozen pages
  const update = `We reset the password at ${Date.now()}`;
  const account = `${uniqueName("adele")}@e2e.example`;
  const { users, tickets } = await seed({
    users: [
      { key: "admin", role: "TENANT_ADMIN", tenant: "own" },
      { key: "engineer", role: "ENGINEER", serves: ["own"] },
      { key: "platform", role: "PLATFORM_ADMIN" },
    ],
    tickets: [{ key: "adele", tenant: "own", reporter: "admin", assignee: "engineer", affectedUpn: account, status: "TRIAGED" }],
  });
  const {
    admin: tenantAdmin,
    engineer: engineerUser,
    platform: platformAdmin,
  } = users as Record<"admin" | "engineer" | "platform", SeededUser>;
  const ticketUrl = `/tickets/${tickets.adele!.id}`;
  await signIn(page, engineerUser);
  await page.goto(ticketUrl);
  await openStage(page, "Updates");
  const form = page.getByRole("form", { name: "Add a comment" });
  await form.getByLabel("Add an update or note").fill(update);
  await form.getByLabel("Visible to", { exact: true }).selectOption("PUBLIC");
  await form.getByRole("button", { name: "Post" }).click();
  await expect(page.getByText(update)).toBeVisible();

  const context = await browser.newContext();
  const admin = await context.newPage();
  await signIn(admin, tenantAdmin);
  const bell = admin.getByTestId("notifications-button");
  await expect(bell).toHaveAccessibleName(/^Notifications [1-9]\d* unread$/);
  const before = Number((await bell.innerText()).match(/\d+/)![0]);
  // The list marks the incident as updated.
  await admin.goto("/tickets");
  await expect(admin.getByRole("row").filter({ hasText: account })).toContainText("Updated");
  // The list opens from the keyboard and names the update (never its text); Escape closes it.
  await bell.focus();
  await admin.keyboard.press("Enter");
  const menu = admin.getByRole("navigation", { name: "Notifications" });
  const item = menu.getByRole("link", { name: `new update from ${engineerUser.name}` }).first();
  await expect(item).toBeVisible();
  await admin.keyboard.press("Escape");
  await expect(item).toBeHidden();
  await expect(bell).toBeFocused();
  await admin.keyboard.press("Enter");
  await expect(item).toBeVisible();
  await expect(menu).not.toContainText(update);
  await item.click();
  await expect(admin).toHaveURL(new RegExp(`${ticketUrl}$`));
  await expect(bell).toHaveAccessibleName(`Notifications ${before - 1} unread`);
  await admin.goto("/tickets");
  await expect(admin.getByRole("row").filter({ hasText: account })).not.toContainText("Updated");
  await context.close();

  // The mail, as rendered for sending: subject, recipient, the link, not the update's text.
  const platform = await (await browser.newContext()).newPage();
  await signIn(platform, platformAdmin);
  await platform.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outgoing mail" }).click();
  const mail = platform
    .getByRole("article")
    .filter({ hasText: tenantAdmin.email })
    .filter({ hasText: `new update from ${engineerUser.name}` })
    .first();
  await expect(mail).toBeVisible();
  await mail.getByText("Show the mail").click();
  await expect(mail).toContainText(`${ticketUrl}`);
  await expect(mail).not.toContainText(update);
  if (sink) {
    await expect.poll(() => sink!.received.some((m) => m.to.includes(tenantAdmin.email) && m.raw.includes("new update from"))).toBe(true);
    await expect(mail).toContainText("Sent");
  }
});
