// Who an advisory may go to. It is sent from the customer's own mailbox, so the server allows
// only the advisory's domain (or its subdomains) and the addresses or @domains on the tenant's
// allow-list, kept by its admin. Pure and tested.

const normal = (s: string) => s.trim().toLowerCase();

/** The addresses that are neither at `domain` nor allowed by the list (entries: "a@b.c" or "@b.c"). */
export function recipientsOutsidePolicy(addresses: string[], domain: string, allowList: string[]): string[] {
  const d = normal(domain);
  const allowed = allowList.map(normal);
  return addresses.filter((raw) => {
    const address = normal(raw);
    const at = address.lastIndexOf("@");
    const host = at < 0 ? "" : address.slice(at + 1);
    if (host === d || host.endsWith(`.${d}`)) return false;
    return !allowed.includes(address) && !allowed.includes(`@${host}`);
  });
}

export function outsidePolicyMessage(outside: string[], domain: string): string {
  return `An advisory about ${domain} goes only to addresses at ${domain} (or on the tenant's allow-list, kept by its admin): ${outside.join(", ")} ${outside.length === 1 ? "is" : "are"} not.`;
}
