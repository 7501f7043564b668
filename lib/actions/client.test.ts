import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import type { Db } from "@/lib/db/create-client";
import { createActionClient, FORBIDDEN_MESSAGE, NOT_SAME_ORIGIN_MESSAGE, SESSION_ENDED_MESSAGE } from "./client";
import { UNSTORABLE_TEXT_MESSAGE } from "@/lib/validation/fields";
import { findNul, NUL_MESSAGE } from "./find-nul";

const VIEWER: Viewer = {
  id: "00000000-0000-4000-8000-000000000001",
  email: "e@breachdesk.test",
  name: "E",
  role: "ENGINEER",
  tenantId: null,
  servesAllTenants: true,
};
const SAME_ORIGIN = { origin: "http://localhost:3200", secFetchSite: "same-origin", host: "localhost:3200" };

// The action client hands the database through unopened: these tests never reach it.
const DB = {} as Db;

function actionWith(viewer: Viewer | null, origin = SAME_ORIGIN, permission: Permission = "tickets.work") {
  const calls: unknown[] = [];
  const client = createActionClient({ requestOrigin: async () => origin, loadViewer: async () => viewer, openDb: async () => DB });
  const action = client
    .metadata({ name: "test", permission })
    .inputSchema(z.object({ title: z.string().min(3, "Too short."), notes: z.array(z.object({ text: z.string() })).optional() }))
    .action(async ({ parsedInput, ctx }) => {
      calls.push({ input: parsedInput, viewer: ctx.viewer, db: ctx.db });
      return { ok: true };
    });
  return { action, calls };
}

beforeAll(() => {
  vi.stubEnv("BREACHDESK_DEMO", "1"); // the logger reads the configuration
});

describe("the action client", () => {
  it("refuses a call without a live session before validating its input: no field list for strangers", async () => {
    const { action, calls } = actionWith(null);
    const result = await action({ title: "" } as never);
    expect(result).toEqual({ serverError: { code: "UNAUTHENTICATED", message: SESSION_ENDED_MESSAGE } });
    expect(await action(undefined as never)).toEqual({ serverError: { code: "UNAUTHENTICATED", message: SESSION_ENDED_MESSAGE } });
    expect(calls).toHaveLength(0);
  });

  it("refuses another origin before anything else", async () => {
    const { action } = actionWith(VIEWER, { origin: "https://evil.example", secFetchSite: "cross-site", host: "localhost:3200" });
    expect(await action({ title: "" } as never)).toEqual({ serverError: { code: "FORBIDDEN", message: NOT_SAME_ORIGIN_MESSAGE } });
  });

  it("validates the input of a signed-in call as before", async () => {
    const { action, calls } = actionWith(VIEWER);
    expect(await action({ title: "x" })).toEqual({ validationErrors: { formErrors: [], fieldErrors: { title: ["Too short."] } } });
    expect(await action({ title: "Phishing" })).toEqual({ data: { ok: true } });
    expect(calls).toEqual([{ input: { title: "Phishing" }, viewer: VIEWER, db: DB }]);
  });

  it("refuses a viewer without the action's permission before validating its input", async () => {
    const { action, calls } = actionWith(VIEWER, SAME_ORIGIN, "users.manage");
    expect(await action({ title: "" } as never)).toEqual({ serverError: { code: "FORBIDDEN", message: FORBIDDEN_MESSAGE } });
    expect(calls).toHaveLength(0);
  });

  it("refuses a NUL anywhere in the input as a validation error on its field, never reaching the action", async () => {
    const { action, calls } = actionWith(VIEWER);
    expect(await action({ title: "Phish\u0000ing" })).toEqual({
      validationErrors: { formErrors: [], fieldErrors: { title: [NUL_MESSAGE] } },
    });
    expect(await action({ title: "Phishing", notes: [{ text: "ok" }, { text: "a\u0000b" }] })).toEqual({
      validationErrors: { formErrors: [], fieldErrors: { notes: [NUL_MESSAGE] } },
    });
    expect(await action("\u0000" as never)).toEqual({ validationErrors: { formErrors: [NUL_MESSAGE], fieldErrors: {} } });
    expect(calls).toHaveLength(0);
  });

  it("refuses half of a surrogate pair the same way (the database would refuse or alter it)", async () => {
    const { action, calls } = actionWith(VIEWER);
    expect(await action({ title: "Phish \ud83d" })).toEqual({
      validationErrors: { formErrors: [], fieldErrors: { title: [UNSTORABLE_TEXT_MESSAGE] } },
    });
    expect(await action({ title: "ok", notes: [{ text: "\udc69" }] })).toEqual({
      validationErrors: { formErrors: [], fieldErrors: { notes: [UNSTORABLE_TEXT_MESSAGE] } },
    });
    expect(await action({ title: "Phish 👩‍💻" })).toEqual({ data: { ok: true } });
    expect(calls).toHaveLength(1);
  });
});

describe("findNul", () => {
  it("finds the path of a NUL in nested input, keys and form data, and nothing in clean input", () => {
    expect(findNul({ a: [{ b: "x" }, { b: "y\u0000" }] })).toEqual(["a", 1, "b"]);
    expect(findNul({ ["k\u0000"]: "v" })).toEqual([]);
    const form = new FormData();
    form.set("title", "ok");
    form.set("body", "a\u0000");
    expect(findNul(form)).toEqual(["body"]);
    expect(findNul({ a: "RTL \u202e, emoji 👩‍💻, e\u0301", n: 1, b: true, d: null })).toBeNull();
  });
});
