// Operations the app uses that the contract subset has no path for, mapped to the closest
// published types (see simulator/contract/graph/SOURCE.md, "Operations not found"), and the
// $batch envelope, which Microsoft's OpenAPI does not describe at all: that schema follows the
// JSON-batching docs (docs/design-basis.md, Graph facts: JSON batching) and is ours, not Microsoft's.

export type Undescribed = {
  method: string;
  pattern: RegExp;
  /** The document that holds the type: the request's own version, or beta (servicePrincipal is only there). */
  doc: "same" | "beta";
  /** A component schema name, or our own schema ({ own }) where the subset has no type; null = no content. */
  schema: string | null | { own: Record<string, unknown> };
  collection?: boolean;
};

const user = String.raw`^\/users\/[^/]+`;
const methodKinds = ["windowsHelloForBusiness", "temporaryAccessPass"];

/**
 * unifiedRoleAssignment is not in the subset: ours, from its resource page
 * (learn.microsoft.com/graph/api/resources/unifiedroleassignment).
 */
const ROLE_ASSIGNMENT = {
  type: "object",
  required: ["id", "principalId", "roleDefinitionId"],
  properties: {
    id: { type: "string" },
    principalId: { type: "string" },
    roleDefinitionId: { type: "string" },
    directoryScopeId: { type: "string", nullable: true },
    appScopeId: { type: "string", nullable: true },
    condition: { type: "string", nullable: true },
  },
};
const spByAppId = String.raw`^\/servicePrincipals\(appId=(?:'|%27)[^'%/]+(?:'|%27)\)`;

export const UNDESCRIBED: Undescribed[] = [
  {
    method: "GET",
    pattern: new RegExp(`${user}\\/(?:transitive)?memberOf$`, "i"),
    doc: "same",
    schema: "microsoft.graph.directoryObject",
    collection: true,
  },
  { method: "GET", pattern: new RegExp(`${spByAppId}$`, "i"), doc: "beta", schema: "microsoft.graph.servicePrincipal" },
  { method: "POST", pattern: /^\/servicePrincipals$/i, doc: "beta", schema: "microsoft.graph.servicePrincipal" },
  {
    method: "GET",
    pattern: new RegExp(`(${spByAppId}|^\\/servicePrincipals\\/[^/]+)\\/memberOf$`, "i"),
    doc: "same",
    schema: "microsoft.graph.directoryObject",
    collection: true,
  },
  {
    method: "GET",
    pattern: /^\/roleManagement\/directory\/roleAssignments$/i,
    doc: "same",
    schema: { own: ROLE_ASSIGNMENT },
    collection: true,
  },
  { method: "POST", pattern: /^\/roleManagement\/directory\/roleAssignments$/i, doc: "same", schema: { own: ROLE_ASSIGNMENT } },
  // One grant by id: the subset lists and deletes grants; the type is published.
  { method: "GET", pattern: /^\/oauth2PermissionGrants\/[^/]+$/i, doc: "same", schema: "microsoft.graph.oAuth2PermissionGrant" },
  { method: "GET", pattern: new RegExp(`${user}\\/mailFolders\\/[^/]+$`, "i"), doc: "same", schema: "microsoft.graph.mailFolder" },
  // No unifiedRoleEligibilityScheduleInstance in the subset: only the entity base can be checked.
  {
    method: "GET",
    pattern: /^\/roleManagement\/directory\/roleEligibilityScheduleInstances$/i,
    doc: "same",
    schema: "microsoft.graph.entity",
    collection: true,
  },
  { method: "GET", pattern: /^\/servicePrincipals\/[^/]+$/i, doc: "beta", schema: "microsoft.graph.servicePrincipal" },
  { method: "GET", pattern: /^\/identityProtection\/riskyUsers\/[^/]+$/i, doc: "same", schema: "microsoft.graph.riskyUser" },
  ...methodKinds.flatMap((kind): Undescribed[] => [
    {
      method: "GET",
      pattern: new RegExp(`${user}\\/authentication\\/${kind}Methods$`, "i"),
      doc: "same",
      schema: `microsoft.graph.${kind}AuthenticationMethod`,
      collection: true,
    },
    {
      method: "GET",
      pattern: new RegExp(`${user}\\/authentication\\/${kind}Methods\\/[^/]+$`, "i"),
      doc: "same",
      schema: `microsoft.graph.${kind}AuthenticationMethod`,
    },
    { method: "DELETE", pattern: new RegExp(`${user}\\/authentication\\/${kind}Methods\\/[^/]+$`, "i"), doc: "same", schema: null },
  ]),
];

/** A collection page of a type, shaped as Microsoft's own *CollectionResponse schemas. */
export const collectionOf = (ref: string) => ({
  type: "object",
  properties: { value: { type: "array", items: { $ref: ref } }, "@odata.nextLink": { type: "string", nullable: true } },
});

const stringMap = { type: "object", additionalProperties: { type: "string" } };

export const BATCH_REQUEST_SCHEMA = {
  type: "object",
  required: ["requests"],
  properties: {
    requests: {
      type: "array",
      minItems: 1,
      maxItems: 20,
      items: {
        type: "object",
        required: ["id", "method", "url"],
        properties: {
          id: { type: "string", minLength: 1 },
          method: { type: "string", enum: ["GET", "POST", "PATCH", "PUT", "DELETE", "get", "post", "patch", "put", "delete"] },
          url: { type: "string", minLength: 1 },
          headers: stringMap,
          body: {},
          dependsOn: { type: "array", items: { type: "string" } },
        },
      },
    },
  },
};

export const BATCH_RESPONSE_SCHEMA = {
  type: "object",
  required: ["responses"],
  properties: {
    responses: {
      type: "array",
      items: {
        type: "object",
        required: ["id", "status"],
        properties: { id: { type: "string" }, status: { type: "integer", minimum: 100, maximum: 599 }, headers: stringMap, body: {} },
      },
    },
  },
};
