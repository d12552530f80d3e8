import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // forbidden() and app/forbidden.tsx give viewers a real 403 page on admin routes.
    authInterrupts: true,
  },
};

export default nextConfig;
