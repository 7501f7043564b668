// The floor is a bare app: without this file Next would take the Breachdesk app's own
// instrumentation (and its configuration checks) from the repository's root.
export function register() {}
