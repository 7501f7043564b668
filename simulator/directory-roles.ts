// Built-in Entra directory roles by template id (the same in every tenant), as listed on
// learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference. The
// simulator stores roles by name (state.ts); role assignments speak template ids.

export const DIRECTORY_ROLES = [
  { id: "62e90394-69f5-4237-9190-012177145e10", name: "Global Administrator" },
  { id: "e8611ab8-c189-46e8-94e1-60213ab1f814", name: "Privileged Role Administrator" },
  { id: "fe930be7-5e62-47db-91af-98c3a49a38b1", name: "User Administrator" },
  { id: "7be44c8a-adaf-4e2a-84d6-ab2649e08a13", name: "Privileged Authentication Administrator" },
  { id: "c4e39bd9-1100-46d3-8c65-fb160da0071f", name: "Authentication Administrator" },
  { id: "0526716b-113d-4c15-b2c8-68e3c22b9f80", name: "Authentication Policy Administrator" },
  { id: "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", name: "Application Administrator" },
  { id: "158c047a-c907-4556-b7ef-446551a6b5f7", name: "Cloud Application Administrator" },
  { id: "29232cdf-9323-42fd-ade2-1d097af3e4de", name: "Exchange Administrator" },
] as const;

export const roleById = (id: string) => DIRECTORY_ROLES.find((r) => r.id === id.toLowerCase());
export const roleByName = (name: string) => DIRECTORY_ROLES.find((r) => r.name === name);

/** Who may grant tenant-wide consent to application permissions for Microsoft Graph. */
export const CONSENT_ADMIN_ROLES = ["Global Administrator", "Privileged Role Administrator"];
/** Who may consent for themselves to delegated permissions that need an admin. */
export const DELEGATED_CONSENT_ROLES = [
  "Global Administrator",
  "Privileged Role Administrator",
  "Cloud Application Administrator",
  "Application Administrator",
];
