/**
 * Node.js only (instrumentation.ts). Route handlers and server actions see a request's headers but not its
 * socket, and Next.js fills `X-Forwarded-For` with the peer's address only when the caller sent none, so a
 * caller can name any address. Every request the process's HTTP servers receive is stamped here with its TCP
 * peer's address, overwriting whatever the caller put in that header.
 */
import { Server, type IncomingMessage } from "node:http";
import { PEER_ADDRESS_HEADER } from "@/lib/http/client-address";

const STAMPED = Symbol.for("vizport.peer-address-stamped");
type Patchable = typeof Server.prototype & { [STAMPED]?: true };

export function stampPeerAddresses(): void {
  const proto = Server.prototype as Patchable;
  if (proto[STAMPED]) return;
  const emit = proto.emit;
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const request = args[0] as IncomingMessage;
      request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof proto.emit;
  proto[STAMPED] = true;
}
