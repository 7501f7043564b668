import { NextResponse } from "next/server";

// The floor is a bare app: without this file Next would run the Breachdesk app's proxy (CSP,
// security headers) from the repository's root. This one matches no page the bench asks for.
export const config = { matcher: "/never" };

export function proxy() {
  return NextResponse.next();
}
