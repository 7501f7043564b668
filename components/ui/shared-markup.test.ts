import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ACTIONS_COLUMN, DataTable } from "./data-table";
import { FilterBar } from "./filter-bar";
import { optionsOf, SelectField } from "./select-field";

// The shared primitives keep what the pages relied on: captions and column names for screen
// readers, labels tied to their controls, errors announced beside the field, and filters that
// start from the URL.

describe("DataTable", () => {
  it("names the table and every column, the actions column for screen readers only", () => {
    const html = renderToStaticMarkup(
      h(DataTable, { caption: "Breachdesk users", captionClassName: "sr-only", columns: ["Name", ACTIONS_COLUMN], children: null }),
    );
    expect(html).toMatch(/<caption class="[^"]*sr-only[^"]*">.*Breachdesk users.*<\/caption>/);
    expect(html).toContain('<th scope="col"');
    expect(html).toContain(">Name</th>");
    expect(html).toContain('<span class="sr-only">Actions</span>');
  });

  it("shows the empty state instead of a table when there are no rows", () => {
    const html = renderToStaticMarkup(
      h(DataTable, { columns: ["Ticket"], rowCount: 0, empty: { title: "Nothing is waiting for review" }, children: null }),
    );
    expect(html).toContain("Nothing is waiting for review");
    expect(html).not.toContain("<table");
  });
});

describe("SelectField", () => {
  it("ties the label to the select and announces the error beside it", () => {
    const html = renderToStaticMarkup(
      h(SelectField, {
        id: "role-1",
        label: "Role",
        name: "role",
        defaultValue: "B",
        error: ["Choose a role."],
        empty: "None",
        options: optionsOf({ A: "Alpha", B: "Beta" }),
      }),
    );
    expect(html).toContain('<label for="role-1"');
    expect(html).toMatch(/<select[^>]*id="role-1"[^>]*aria-describedby="role-1-error"[^>]*aria-invalid="true"/);
    expect(html).toContain('<p id="role-1-error" class="text-sm text-destructive">Choose a role.</p>');
    expect(html).toMatch(/<option value="">None<\/option><option value="A">Alpha<\/option><option value="B" selected="">Beta<\/option>/);
  });

  it("lists a label map in the order asked for", () => {
    expect(optionsOf({ A: "Alpha", B: "Beta" }, ["B", "A"]).map((o) => o.label)).toEqual(["Beta", "Alpha"]);
  });
});

describe("FilterBar", () => {
  it("is a named search form whose selects start at the URL's values", () => {
    const html = renderToStaticMarkup(
      h(FilterBar, {
        label: "Filter jobs",
        clearHref: "/admin/jobs",
        values: { state: "failed", before: 3 },
        filters: [{ name: "state", label: "State", empty: "Any state", options: optionsOf({ failed: "Failed", active: "Active" }) }, false],
      }),
    );
    const form = html.match(/<form[^>]*>/)?.[0] ?? "";
    expect(form).toContain('role="search"');
    expect(form).toContain('aria-label="Filter jobs"');
    expect(form).toContain('method="get"');
    expect(html).toMatch(/<label[^>]*for="state"[^>]*>State<\/label>/);
    expect(html).toMatch(/<select[^>]*id="state"[^>]*name="state"/);
    expect(html).toContain('<option value="failed" selected="">Failed</option>');
    expect(html).toContain('href="/admin/jobs"');
  });
});
