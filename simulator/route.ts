import type { ApplicationRegistry } from "./applications";
import type { SimClock } from "./clock";
import type { GraphContext, GraphVersion, SimResponse } from "./http";
import type { GraphRules } from "./rules";
import type { WorldState } from "./state";
import type { Bucket } from "./throttle";

/**
 * applications: the registered multi-tenant apps (simulator/applications.ts). writes: every write
 * Graph applied (2xx), counted per tenant and target (simulator/write-count.ts), for tests and
 * benchmarks that must prove one write per account and step.
 */
export type SimRuntime = {
  world: WorldState;
  clock: SimClock;
  rules: GraphRules;
  applications?: ApplicationRegistry;
  writes?: Map<string, number>;
};

export type Route = {
  /** Operation name, used for fault injection and in logs. */
  op: string;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  pattern: RegExp;
  versions?: GraphVersion[];
  /** Any one of these application permissions (token roles) allows the call. */
  permissions: string[] | ((ctx: GraphContext) => string[]);
  /** Application permissions needed as well as one of `permissions` (every one of them). */
  alsoNeeds?: string[];
  licence?: "p1" | "p2" | "messageTrace";
  /**
   * Delegated tokens (a signed-in user) are answered only by routes that set this: the directory
   * roles the user needs besides the scope ([] = any user). Unset = app-only.
   */
  delegatedRoles?: string[];
  /** The code of the 403 for a missing permission: directory calls answer Authorization_RequestDenied, Outlook's ErrorAccessDenied. */
  deniedCode?: string;
  bucket?: Bucket;
  handle: (ctx: GraphContext, params: string[], rt: SimRuntime) => SimResponse | Promise<SimResponse>;
};

/**
 * A path pattern: ":x" matches one segment; "~name" matches an action or function segment with or
 * without its "microsoft.graph." namespace, as Graph accepts both.
 */
export function path(pattern: string): RegExp {
  const body = pattern
    .split("/")
    .map((seg) =>
      seg.startsWith(":") ? "([^/]+)" : seg.startsWith("~") ? `(?:microsoft\\.graph\\.)?${seg.slice(1)}` : seg.replace(/[.$()]/g, "\\$&"),
    )
    .join("/");
  return new RegExp(`^${body}$`, "i");
}

export function userPermissionsForRead(): string[] {
  return ["User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"];
}
