import type { NextConfig } from "next";

// Next's hashed assets skip proxy.ts (it would only slow them down); they still get the static security headers.
// Pages and route handlers get these and a per-request Content-Security-Policy from proxy.ts.
const ASSET_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];

const nextConfig: NextConfig = {
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
    ];
  },
};

export default nextConfig;
