import js from "@eslint/js";
import tseslint from "typescript-eslint";
import nextVitals from "eslint-config-next/core-web-vitals";
import prettier from "eslint-config-prettier";
import globals from "globals";

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "bench-results/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...nextVitals,
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["emulator/public/**/*.js"],
    languageOptions: { globals: { ...globals.browser }, sourceType: "module" },
  },
  {
    files: ["scripts/**", "emulator/**", "e2e/**", "*.config.*"],
    languageOptions: { globals: { ...globals.node } },
  },
  // The layers (design.md, "Layout"): app/ holds routes only; components/ and lib/ never reach up into app/;
  // nothing the portal ships imports scripts/, the emulator or test helpers; lib/tableau knows nothing of Next.js.
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "auth.ts", "proxy.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/scripts/*", "**/scripts/*"], message: "Shared code lives in lib/, not scripts/." },
            { group: ["@/emulator/*", "**/emulator/*"], message: "Only tests and scripts use the emulator." },
            { group: ["@/test/*", "**/test/*"], message: "Test helpers are for tests." },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/app/*", "**/app/*"], message: "components/ and lib/ never import route files." },
            { group: ["@/scripts/*", "**/scripts/*"], message: "Shared code lives in lib/, not scripts/." },
            { group: ["@/emulator/*", "**/emulator/*"], message: "Only tests and scripts use the emulator." },
            { group: ["@/test/*", "**/test/*"], message: "Test helpers are for tests." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/app/*", "**/app/*"], message: "components/ and lib/ never import route files." },
            { group: ["@/components/*", "**/components/*"], message: "lib/ sits below components/." },
            { group: ["@/scripts/*", "**/scripts/*"], message: "Shared code lives in lib/, not scripts/." },
            { group: ["@/emulator/*", "**/emulator/*"], message: "Only tests and scripts use the emulator." },
            { group: ["@/test/*", "**/test/*"], message: "Test helpers are for tests." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/tableau/**/*.ts", "lib/doctor/**/*.ts", "lib/sso/**/*.ts"],
    ignores: ["**/*.test.ts", "lib/tableau/server.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "next", message: "lib/tableau is framework-free." }],
          patterns: [
            { group: ["next/*", "next-auth", "next-auth/*"], message: "This layer is framework-free." },
            { group: ["@/app/*", "@/components/*"], message: "lib/ sits below app/ and components/." },
            { group: ["@/scripts/*", "**/scripts/*"], message: "Shared code lives in lib/, not scripts/." },
            { group: ["@/emulator/*", "**/emulator/*"], message: "Only tests and scripts use the emulator." },
          ],
        },
      ],
    },
  },
  {
    files: ["emulator/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/*", "../lib/*", "../../lib/*"], message: "The emulator stands alone." }] },
      ],
    },
  },
  prettier,
);
