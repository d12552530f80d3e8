# The portal's image: Next's standalone output (next.config.ts sets output: "standalone"), the same build that
# `npm run cluster` runs. One image for every instance; configuration comes from the environment only.
#   docker build -t vizport .
# Written from the standalone output's layout; not built on the development machine (no Docker engine there).

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# Native modules without a prebuilt binary for this platform compile from source with node-gyp.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
RUN useradd --system --uid 1001 --home-dir /app vizport
# server.js and the traced node_modules; the hashed assets are left out of .next/standalone by Next.
COPY --from=build --chown=vizport /app/.next/standalone ./
COPY --from=build --chown=vizport /app/.next/static ./.next/static
USER vizport
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
