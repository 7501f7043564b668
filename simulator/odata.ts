import { badRequest, type GraphContext } from "./http";

// The OData subset Graph supports on our operations: $filter (eq, ne, ge, gt, le, lt, and,
// startswith), $select, $top, $orderby and paging with an absolute @odata.nextLink.

type Clause = (item: Record<string, unknown>) => boolean;

function valueAt(item: Record<string, unknown>, path: string): unknown {
  return path.split("/").reduce<unknown>((v, key) => (v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined), item);
}

function literal(text: string): unknown {
  const t = text.trim();
  if (/^'.*'$/.test(t)) return t.slice(1, -1).replaceAll("''", "'");
  if (t === "true" || t === "false") return t === "true";
  if (t === "null") return null;
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(t)) return new Date(t);
  throw badRequest(`Invalid filter clause: unsupported literal ${t}.`);
}

function compare(actual: unknown, op: string, expected: unknown): boolean {
  const a = expected instanceof Date && typeof actual === "string" ? new Date(actual).getTime() : actual;
  const e = expected instanceof Date ? expected.getTime() : expected;
  const norm = (v: unknown) => (typeof v === "string" ? v.toLowerCase() : v);
  switch (op) {
    case "eq": return norm(a) === norm(e);
    case "ne": return norm(a) !== norm(e);
    case "ge": return (a as number) >= (e as number);
    case "gt": return (a as number) > (e as number);
    case "le": return (a as number) <= (e as number);
    case "lt": return (a as number) < (e as number);
    default: throw badRequest(`Invalid filter clause: unsupported operator ${op}.`);
  }
}

export function parseFilter(filter: string | null): Clause {
  if (!filter) return () => true;
  const clauses = filter.split(/\s+and\s+/i).map((raw): Clause => {
    const text = raw.trim().replace(/^\((.*)\)$/, "$1");
    const starts = /^startswith\(\s*([\w/]+)\s*,\s*'(.*)'\s*\)$/i.exec(text);
    if (starts) return (item) => String(valueAt(item, starts[1]!) ?? "").toLowerCase().startsWith(starts[2]!.toLowerCase());
    const cmp = /^([\w/]+)\s+(eq|ne|ge|gt|le|lt)\s+(.+)$/i.exec(text);
    if (!cmp) throw badRequest(`Invalid filter clause: ${text}`);
    const expected = literal(cmp[3]!);
    return (item) => compare(valueAt(item, cmp[1]!), cmp[2]!.toLowerCase(), expected);
  });
  return (item) => clauses.every((c) => c(item));
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
export function collection<T extends Record<string, unknown>>(ctx: GraphContext, items: T[], options: { defaultTop?: number; maxTop?: number } = {}) {
  const filtered = items.filter(parseFilter(ctx.query.get("$filter")));
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
