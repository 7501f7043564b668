/** True when the UPN's domain is the tenant's primary domain or one of its subdomains. */
export function isInTenantDomain(upn: string, primaryDomain: string): boolean {
  const domain = upn.split("@")[1]?.toLowerCase() ?? "";
  const primary = primaryDomain.toLowerCase();
  return domain === primary || domain.endsWith(`.${primary}`);
}
