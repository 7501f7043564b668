import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn, signOut, USERS } from "./support/auth";
import { seedPeople } from "./support/seed";

const ROLES = [
  { who: "contosoAdmin", role: "Tenant admin", nav: ["Our incidents", "Report an incident", "Microsoft 365"], heading: "Our incidents" },
  { who: "engineer", role: "Support engineer", nav: ["Queue"], heading: "Queue" },
  // "Reviews" carries the number of reports waiting, when there are any ("Reviews 2").
  { who: "manager", role: "Manager", nav: ["Queue", /^Reviews( \d+)?$/, "Dashboard"], heading: "Queue" },
  {
    who: "platform",
    role: "Platform admin",
    nav: [
      "Queue",
      "Report an incident",
      /^Reviews( \d+)?$/,
      "Dashboard",
      "Tenants",
      "Users",
      "Connections",
      "Jobs",
      "Outgoing mail",
      "Audit log",
    ],
    heading: "Queue",
  },
] as const;

for (const r of ROLES) {
  test(`${r.role} signs in, sees the navigation of the role, and signs out`, async ({ page }) => {
    await signIn(page, (await seedPeople())[r.who]);
    await expect(page.getByTestId("viewer")).toContainText(r.role);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link")).toHaveText(r.nav);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(r.heading);
    await signOut(page);
    await page.goto("/tickets");
    await expect(page).toHaveURL(/\/login/);
  });
}

test("a wrong password is refused with a message and no session", async ({ page }) => {
  const { engineer } = await seedPeople();
  await page.goto("/login");
  await page.getByLabel("Email").fill(engineer.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
  await page.goto("/tickets");
  await expect(page).toHaveURL(/\/login/);
});

test("a tenant admin cannot open the platform admin's pages (one main landmark on the not-found page)", async ({ page }) => {
  await signIn(page, (await seedPeople()).contosoAdmin);
  const response = await page.goto("/admin/tenants");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByRole("main")).toHaveCount(1);
});

test("signing out ends the session on the server: the old cookie, replayed, is signed out", async ({ page, context }) => {
  await signIn(page, (await seedPeople()).engineer);
  const cookies = await context.cookies();
  expect(cookies.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);
  await signOut(page);
  await context.addCookies(cookies);
  await page.goto("/tickets");
  await expect(page).toHaveURL(/\/login/);
  // A sign-out needs no explanation.
  await expect(page.getByText("Your session has ended")).toHaveCount(0);
  await context.addCookies(cookies);
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
});

test("after sign-in only a page of the app is opened; other callback URLs fall back to the queue", async ({ page }) => {
  const { engineer } = await seedPeople();
  for (const evil of ["/\\evil.example", "/%09/evil.example", "/%0a/evil.example", "//evil.example", "https://evil.example/"]) {
    const response = await page.goto(`/login?callbackUrl=${encodeURIComponent(evil).replaceAll("%25", "%")}`);
    expect(response?.status(), evil).toBe(200);
  }
  await page.getByLabel("Email").fill(engineer.email);
  await page.getByLabel("Password").fill(engineer.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/tickets$/);
  // Signed in, the same links redirect within the app too.
  await page.goto("/login?callbackUrl=/%5Cevil.example");
  await expect(page).toHaveURL(/localhost:\d+\/tickets$/);
  await page.goto("/login?callbackUrl=%2Fadmin%2Fusers%3Fx%3D1");
  await expect(page).toHaveURL(/\/admin\/users\?x=1$/);
});

test("demo mode lists every demo account on the sign-in page; the app has an icon", async ({ page }) => {
  await page.goto("/login");
  const demo = page.getByRole("region", { name: /Demo mode/ });
  for (const email of Object.values(USERS)) await expect(demo.getByText(email, { exact: true })).toBeVisible();
  await expect(demo).toContainText(DEMO_PASSWORD);
  await signIn(page, USERS.engineer);
  const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(icon).toBeTruthy();
  const response = await page.request.get(icon!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("image/svg+xml");
});
