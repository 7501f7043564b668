import { expect, test } from "@playwright/test";

// Entra ID sign-in (next-auth's Azure AD provider) end to end against the simulator's OpenID
// Connect endpoints: discovery, authorize (PKCE, state, nonce), token, the signing keys, and an
// id token carrying tid and oid. The demo points AZURE_AD_* at Northwind's simulated directory,
// whose administrator is the Breachdesk user admin@northwind.example.

const SIMULATOR = `https://localhost:${Number(process.env.E2E_PORT ?? 3200) + 1}`;

test("a Breachdesk user signs in with Microsoft Entra ID and lands in the app as themselves", async ({ browser }) => {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with Microsoft" }).click();
  await expect(page).toHaveURL(
    new RegExp(`^${SIMULATOR}/2f4a9b1e-6c3d-4e8f-9a0b-1c2d3e4f5a03/oauth2/v2\\.0/authorize\\?.*code_challenge_method=S256`),
  );
  expect(new URL(page.url()).searchParams.get("nonce")).toBeTruthy();
  await page.getByLabel("Email").fill("admin@northwind.example");
  await page.getByLabel("Password").fill("Northwind-admin-1");
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByTestId("viewer")).toContainText("Robin Ortiz (Northwind IT)");
  await expect(page.getByTestId("viewer")).toContainText("Tenant admin");
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user: { email: string } };
  expect(session.user.email).toBe("admin@northwind.example");
  await context.close();
});

test("a wrong directory password stays at Microsoft and signs nobody in", async ({ browser }) => {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with Microsoft" }).click();
  await expect(page).toHaveURL(new RegExp(`^${SIMULATOR}/`));
  await page.getByLabel("Email").fill("admin@northwind.example");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByRole("alert")).toContainText("AADSTS50126");
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
  await context.close();
});
