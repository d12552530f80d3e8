/**
 * A bare HTTP client for the hostile-client spec: it can send any body format, repeat a field, forge any
 * header, and connect from a chosen loopback address (127.0.0.N), so each probe is a distinct TCP peer with its
 * own per-address budget, as separate attackers would be.
 */
import { request } from "node:http";

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface RawRequest {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** The local address to connect from, e.g. "127.0.0.23". */
  from: string;
}

export function send(url: string, options: RawRequest): Promise<RawAnswer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? "GET",
        localAddress: options.from,
        headers: { host: target.host, ...options.headers },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** `name=value` pairs from an answer's Set-Cookie headers. */
export function cookiesOf(answer: RawAnswer): string[] {
  const set = answer.headers["set-cookie"] ?? [];
  return (Array.isArray(set) ? set : [set]).map((line) => line.split(";")[0] ?? "");
}

/** What Auth.js needs before it reads credentials: its CSRF token and the cookie that goes with it. */
export async function csrf(base: string, from: string): Promise<{ token: string; cookie: string }> {
  const answer = await send(`${base}/api/auth/csrf`, { from });
  const { csrfToken } = JSON.parse(answer.body) as { csrfToken: string };
  return { token: csrfToken, cookie: cookiesOf(answer).join("; ") };
}
