import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { seed } from "./support/seed";

// The evidence upload route handler, called as the browser's form would and as a forged page
// would: the same-origin rule of server actions, clear 4xx answers, content checked against the
// type, and downloads that can never render as a page.

test("evidence uploads: same origin only, clear refusals, content matching the type, sandboxed downloads", async ({ page, baseURL }) => {
  const { users, tickets } = await seed({
    users: [
      { key: "admin", role: "TENANT_ADMIN", tenant: "fabrikam" },
      { key: "engineer", role: "ENGINEER" },
    ],
    tickets: [
      {
        key: "resolved",
        tenant: "fabrikam",
        reporter: "admin",
        assignee: "engineer",
        affectedUpn: "diego@fabrikam.example",
        status: "RESOLVED",
      },
    ],
  });
  await signIn(page, users.engineer!);
  const url = `/api/tickets/${tickets.resolved!.id}/attachments`;
  const origin = { origin: baseURL! };
  const txt = { name: "sign-ins.txt", mimeType: "text/plain", buffer: Buffer.from("2026-12-01 09:14 203.0.113.9 Lagos") };

  // Without Origin (a form on another site posting blind, or a script): refused like an action.
  const blind = await page.request.post(url, { multipart: { file: txt } });
  expect(blind.status()).toBe(403);
  const forged = await page.request.post(url, { multipart: { file: txt }, headers: { origin: "https://evil.example" } });
  expect(forged.status()).toBe(403);

  // An HTML page named .png is refused beside the field.
  const html = await page.request.post(url, {
    multipart: { file: { name: "screenshot.png", mimeType: "image/png", buffer: Buffer.from("<!doctype html><script>alert(1)</script>") } },
    headers: origin,
  });
  expect(html.status()).toBe(400);
  expect((await html.json()).fieldErrors.file[0]).toMatch(/not a real \.png file/);

  // Too large: 413 with the limit, not a crash; not multipart: 400; no file: what to do.
  const big = await page.request.post(url, {
    multipart: { file: { name: "big.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(11 * 1024 * 1024, 0x25) } },
    headers: origin,
  });
  expect(big.status()).toBe(413);
  expect((await big.json()).fieldErrors.file).toEqual(["Files can be at most 10 MB."]);
  const json = await page.request.post(url, { data: { file: "x" }, headers: origin });
  expect(json.status()).toBe(400);
  expect((await json.json()).error).toMatch(/multipart\/form-data/);
  const empty = await page.request.post(url, { multipart: { visibility: "INTERNAL" }, headers: origin });
  expect(empty.status()).toBe(400);
  expect((await empty.json()).fieldErrors.file).toEqual(["Choose a file to attach."]);

  // A real text file is stored, and comes back as a sandboxed, unsniffed download.
  const ok = await page.request.post(url, { multipart: { file: txt, visibility: "INTERNAL" }, headers: origin });
  expect(ok.status()).toBe(201);
  const { id } = (await ok.json()) as { id: string };
  const download = await page.request.get(`/api/attachments/${id}`);
  expect(download.status()).toBe(200);
  const headers = download.headers();
  expect(headers["content-type"]).toMatch(/^text\/plain/);
  expect(headers["content-disposition"]).toBe('attachment; filename="sign-ins.txt"');
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["content-security-policy"]).toMatch(/(^|[;,]\s*)sandbox(;|,|$)/);
  expect(await download.text()).toBe("2026-12-01 09:14 203.0.113.9 Lagos");
});
