import { checkFilterRules, type FilterRules } from "./filter-rules";
import { matches, parseFilterText } from "./filter";
import type { GraphContext } from "./http";

// The OData subset Graph supports on our operations: $filter (filter.ts: eq ne gt ge lt le, and,
// or, not, startswith/endswith/contains, any(); limited per resource by filter-rules.ts),
// $select, $top, $orderby and paging with an absolute @odata.nextLink.

type Clause = (item: Record<string, unknown>) => boolean;

function valueAt(item: Record<string, unknown>, path: string): unknown {
  return path.split("/").reduce<unknown>((v, key) => (v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined), item);
}

/** A $filter as a predicate; with rules, operators the resource does not support answer 400. */
export function parseFilter(filter: string | null, rules?: FilterRules): Clause {
  if (!filter) return () => true;
  const node = parseFilterText(filter);
  if (rules) checkFilterRules(node, rules);
  return (item) => matches(node, item);
}

function applySelect<T extends Record<string, unknown>>(items: T[], select: string | null): Record<string, unknown>[] {
  if (!select) return items;
  const keys = new Set(["id", ...select.split(",").map((s) => s.trim())]);
  return items.map((item) => Object.fromEntries(Object.entries(item).filter(([k]) => keys.has(k))));
}

function applyOrder<T extends Record<string, unknown>>(items: T[], orderby: string | null): T[] {
  if (!orderby) return items;
  const [prop, dir] = orderby.trim().split(/\s+/);
  const sign = dir?.toLowerCase() === "desc" ? -1 : 1;
  return [...items].sort((x, y) => {
    const a = valueAt(x, prop!) as string | number;
    const b = valueAt(y, prop!) as string | number;
    return a === b ? 0 : a > b ? sign : -sign;
  });
}

/** Filters, orders, selects and pages a collection the way Graph does. */
export function collection<T extends Record<string, unknown>>(
  ctx: GraphContext,
  items: T[],
  options: { defaultTop?: number; maxTop?: number; filterRules?: FilterRules } = {},
) {
  const filtered = items.filter(parseFilter(ctx.query.get("$filter"), options.filterRules));
  const ordered = applyOrder(filtered, ctx.query.get("$orderby"));
  const maxTop = options.maxTop ?? 999;
  const top = Math.min(Number(ctx.query.get("$top") ?? options.defaultTop ?? 100) || 100, maxTop);
  const skip = Number(ctx.query.get("$skiptoken") ?? 0) || 0;
  const page = applySelect(ordered.slice(skip, skip + top), ctx.query.get("$select"));
  const body: Record<string, unknown> = { "@odata.context": `${ctx.origin}/${ctx.version}/$metadata`, value: page };
  if (skip + top < ordered.length) {
    const next = new URLSearchParams(ctx.query);
    next.set("$skiptoken", String(skip + top));
    body["@odata.nextLink"] = `${ctx.origin}/${ctx.version}${ctx.path}?${next.toString()}`;
  }
  return body;
}
