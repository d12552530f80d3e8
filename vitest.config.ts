import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      "server-only": fileURLToPath(new URL("./test/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: [
      "lib/**/*.test.ts",
      "test/**/*.test.ts",
      "emulator/**/*.test.ts",
      "scripts/**/*.test.ts",
      "components/**/*.test.ts",
    ],
    environment: "node",
    globalSetup: ["test/services/global-setup.ts"],
    // next-auth imports `next/server` without a file extension, which Node's own ESM loader refuses; Vite
    // resolves it when next-auth is transformed with the tests.
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
