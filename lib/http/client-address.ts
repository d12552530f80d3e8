/**
 * Who is calling, for the per-address limits. `X-Forwarded-For` is whatever the caller says unless a proxy we
 * trust wrote it, so with VIZPORT_TRUSTED_PROXY_HOPS=0 (the default) it is ignored and the address is the TCP
 * peer's, which the server stamps on every request (lib/startup/peer-address.ts). With N trusted proxies, each
 * appending the address it saw, the client is the Nth entry from the right: the entries left of it are the
 * client's own claims.
 */
export const PEER_ADDRESS_HEADER = "x-vizport-peer-address";

/** Used when the peer address is missing (a server that did not stamp it, e.g. a development server). */
export const UNKNOWN_ADDRESS = "unknown";

export function clientAddress(headers: Headers, trustedProxyHops: number): string {
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim() || UNKNOWN_ADDRESS;
  if (trustedProxyHops <= 0) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than proxies: the request skipped a proxy, so nothing in it can be trusted but the peer.
  if (forwarded.length < trustedProxyHops) return peer;
  return forwarded[forwarded.length - trustedProxyHops] ?? peer;
}
