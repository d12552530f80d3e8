import type { NextConfig } from "next";

import { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

// Next's hashed assets and the route handlers (/api/*) skip proxy.ts (it would only slow them down); they get the
// static security headers here. Pages get these and a per-request Content-Security-Policy from proxy.ts.
const ASSET_HEADERS = Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
const API_HEADERS = [
  ...ASSET_HEADERS,
  { key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY },
];

const nextConfig: NextConfig = {
  // .next/standalone/server.js with only the files it needs: what the Dockerfile ships and `npm run cluster`
  // runs. `next start` (the e2e suite, the benches, `npm start`) serves the same build, with a warning.
  output: "standalone",
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // forbidden() and app/forbidden.tsx give viewers a real 403 page on admin routes.
    authInterrupts: true,
    // The login form and the admin actions post a few fields; refuse anything larger before it is parsed
    // (proxy.ts answers a declared length over this with 413 first: past it Next.js would answer 500).
    serverActions: { bodySizeLimit: "64kb" },
  },
  async headers() {
    return [
      { source: "/_next/static/:path*", headers: ASSET_HEADERS },
      { source: "/_next/image", headers: ASSET_HEADERS },
      { source: "/api/:path*", headers: API_HEADERS },
    ];
  },
};

export default nextConfig;
