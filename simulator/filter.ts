import { badRequest } from "./http";

// OData $filter: a small tokenizer and recursive-descent parser, so quoted strings may hold
// " and ", parentheses or commas. Grammar (the part Graph uses on our resources):
//   expr := and ("or" and)*      and := unary ("and" unary)*      unary := "not" unary | primary
//   primary := "(" expr ")" | fn "(" path "," literal ")" | path "/any(" var ":" expr ")"
//            | path cmp literal

export type CompareOp = "eq" | "ne" | "gt" | "ge" | "lt" | "le";
export type FunctionOp = "startswith" | "endswith" | "contains";
export type Literal = string | number | boolean | null | Date;

export type FilterNode =
  | { kind: "cmp"; path: string; op: CompareOp; value: Literal; /** The literal as written. */ raw: string }
  | { kind: "fn"; path: string; op: FunctionOp; value: string }
  | { kind: "and" | "or"; left: FilterNode; right: FilterNode }
  | { kind: "not"; expr: FilterNode }
  | { kind: "any"; path: string; variable: string; expr: FilterNode };

type Token = { type: "string" | "word" | "number" | "date" | "punct"; text: string; value?: Literal };

const DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?/i;
const NUMBER = /^-?\d+(?:\.\d+)?/;
const WORD = /^[A-Za-z_$@][\w.$@]*(?:\/[A-Za-z_$@][\w.$@]*)*/;
const COMPARE = new Set(["eq", "ne", "gt", "ge", "lt", "le"]);
const FUNCTIONS = new Set(["startswith", "endswith", "contains"]);

const invalid = (why: string) => badRequest(`Invalid filter clause: ${why}`);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "'") {
      let value = "";
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw invalid("unterminated string literal.");
        if (text[j] === "'" && text[j + 1] === "'") {
          value += "'";
          j += 2;
        } else if (text[j] === "'") {
          break;
        } else {
          value += text[j++];
        }
      }
      tokens.push({ type: "string", text: text.slice(i, j + 1), value });
      i = j + 1;
    } else if ("(),:".includes(ch)) {
      tokens.push({ type: "punct", text: ch });
      i++;
    } else {
      const date = DATE.exec(rest);
      const num = NUMBER.exec(rest);
      const word = WORD.exec(rest);
      if (date && date[0].length > (num?.[0].length ?? 0)) {
        tokens.push({ type: "date", text: date[0], value: new Date(date[0]) });
        i += date[0].length;
      } else if (num) {
        tokens.push({ type: "number", text: num[0], value: Number(num[0]) });
        i += num[0].length;
      } else if (word) {
        tokens.push({ type: "word", text: word[0] });
        i += word[0].length;
      } else {
        throw invalid(`unexpected character '${ch}'.`);
      }
    }
  }
  return tokens;
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): FilterNode {
    const node = this.or();
    if (this.peek()) throw invalid(`unexpected '${this.peek()!.text}'.`);
    return node;
  }

  private peek = () => this.tokens[this.at];
  private next = () => this.tokens[this.at++];
  private isWord = (w: string) => this.peek()?.type === "word" && this.peek()!.text.toLowerCase() === w;
  private expect(text: string) {
    const t = this.next();
    if (t?.text !== text) throw invalid(`expected '${text}'${t ? ` before '${t.text}'` : " at the end"}.`);
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.isWord("or")) {
      this.at++;
      left = { kind: "or", left, right: this.and() };
    }
    return left;
  }

  private and(): FilterNode {
    let left = this.unary();
    while (this.isWord("and")) {
      this.at++;
      left = { kind: "and", left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterNode {
    if (this.isWord("not")) {
      this.at++;
      return { kind: "not", expr: this.unary() };
    }
    return this.primary();
  }

  private primary(): FilterNode {
    const t = this.next();
    if (!t) throw invalid("the expression ends too early.");
    if (t.text === "(") {
      const inner = this.or();
      this.expect(")");
      return inner;
    }
    if (t.type !== "word") throw invalid(`expected a property, found '${t.text}'.`);
    const lower = t.text.toLowerCase();
    if (FUNCTIONS.has(lower) && this.peek()?.text === "(") {
      this.at++;
      const path = this.next();
      if (path?.type !== "word") throw invalid(`${lower} needs a property.`);
      this.expect(",");
      const value = this.next();
      if (value?.type !== "string") throw invalid(`${lower} needs a string literal.`);
      this.expect(")");
      return { kind: "fn", op: lower as FunctionOp, path: path.text, value: value.value as string };
    }
    const lambda = /^(.*)\/(any|all)$/i.exec(t.text);
    if (lambda && this.peek()?.text === "(") {
      if (lambda[2]!.toLowerCase() !== "any") throw invalid("the 'all' operator is not supported.");
      this.at++;
      const variable = this.next();
      if (variable?.type !== "word") throw invalid("any() needs a range variable.");
      this.expect(":");
      const expr = this.or();
      this.expect(")");
      return { kind: "any", path: lambda[1]!, variable: variable.text, expr };
    }
    const op = this.next();
    if (op?.type !== "word" || !COMPARE.has(op.text.toLowerCase())) throw invalid(`expected a comparison after '${t.text}'.`);
    const value = this.next();
    if (!value) throw invalid(`'${t.text} ${op.text}' needs a value.`);
    return { kind: "cmp", path: t.text, op: op.text.toLowerCase() as CompareOp, value: literalOf(value), raw: value.text };
  }
}

function literalOf(t: Token): Literal {
  if (t.type === "string" || t.type === "number" || t.type === "date") return t.value!;
  const w = t.text.toLowerCase();
  if (w === "true" || w === "false") return w === "true";
  if (w === "null") return null;
  throw invalid(`unsupported literal ${t.text}.`);
}

export function parseFilterText(text: string): FilterNode {
  return new Parser(tokenize(text)).parse();
}

/** The clauses joined by the top-level "and"s. */
export function conjuncts(node: FilterNode): FilterNode[] {
  return node.kind === "and" ? [...conjuncts(node.left), ...conjuncts(node.right)] : [node];
}

type Scope = Record<string, unknown>;

function valueAt(item: unknown, path: string, scope: Scope): unknown {
  const [first, ...rest] = path.split("/");
  const start = first! in scope ? scope[first!] : (item as Record<string, unknown> | null)?.[first!];
  return rest.reduce<unknown>((v, key) => (v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined), start);
}

const norm = (v: unknown) => (typeof v === "string" ? v.toLowerCase() : v);

function compare(actual: unknown, op: CompareOp, expected: Literal): boolean {
  const a = expected instanceof Date && typeof actual === "string" ? new Date(actual).getTime() : norm(actual);
  const e = expected instanceof Date ? expected.getTime() : norm(expected);
  switch (op) {
    case "eq":
      return a === e;
    case "ne":
      return a !== e;
    case "gt":
      return (a as number) > (e as number);
    case "ge":
      return (a as number) >= (e as number);
    case "lt":
      return (a as number) < (e as number);
    case "le":
      return (a as number) <= (e as number);
  }
}

/** Whether an item matches (strings compare case-insensitively, as Graph's directory does). */
export function matches(node: FilterNode, item: unknown, scope: Scope = {}): boolean {
  switch (node.kind) {
    case "and":
      return matches(node.left, item, scope) && matches(node.right, item, scope);
    case "or":
      return matches(node.left, item, scope) || matches(node.right, item, scope);
    case "not":
      return !matches(node.expr, item, scope);
    case "cmp":
      return compare(valueAt(item, node.path, scope), node.op, node.value);
    case "fn": {
      const actual = String(valueAt(item, node.path, scope) ?? "").toLowerCase();
      const v = node.value.toLowerCase();
      return node.op === "startswith" ? actual.startsWith(v) : node.op === "endswith" ? actual.endsWith(v) : actual.includes(v);
    }
    case "any": {
      const list = valueAt(item, node.path, scope);
      return Array.isArray(list) && list.some((el) => matches(node.expr, item, { ...scope, [node.variable]: el }));
    }
  }
}
