// Types for scripts/server.mjs (plain JavaScript so that `node` runs it without a loader).
export declare const CLIENT_IP_HEADER: "x-breachdesk-client-ip";
export declare const SERVER_MARKER: unique symbol;
export declare function parseTrustedProxyHops(value: string | undefined): number;
export declare function clientIpFrom(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string;
export declare function applyClientIp(
  headers: Record<string, string | string[] | undefined>,
  socketAddress: string | undefined,
  hops: number,
): string;
export declare function listenHostFor(env: Record<string, string | undefined>): string | undefined;
