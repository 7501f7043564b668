/** The fields of an advisory both its list (queries.ts) and its changes (load.ts) read. */
export const advisoryFields = {
  id: true,
  domain: true,
  toAddresses: true,
  subject: true,
  body: true,
  status: true,
  version: true,
  sentAt: true,
  updatedAt: true,
} as const;
