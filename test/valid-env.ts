/** A complete, valid portal environment (the emulator demo's values) for tests of the configuration. */
export const TEST_CA_SECRET = "vizport-emulator-demo-secret-0f4c9a1b7e2d4c68";
export const TEST_AUTH_SECRET = "a-session-secret-that-is-long-enough-0123";

export const VALID_ENV = {
  TABLEAU_SERVER: "http://localhost:8900",
  TABLEAU_SITENAME: "vizport-demo",
  TABLEAU_RESTAPI_VERSION: "3.28",
  TABLEAU_USERNAME: "alice@example.com",
  TABLEAU_CA_CLIENT: "3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
  TABLEAU_CA_SECRET_ID: "7a8b9c0d-1e2f-4a3b-9c5d-6e7f8a9b0c1d",
  TABLEAU_CA_SECRET_VALUE: TEST_CA_SECRET,
  AUTH_SECRET: TEST_AUTH_SECRET,
};
