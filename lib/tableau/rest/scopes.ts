/**
 * What a REST sign-in token asks for: content reads and view images, never the embed scopes. Shared by the
 * portal's REST client and the doctor, so the doctor tests exactly the token the portal will mint.
 */
export const REST_SCOPES = ["tableau:content:read", "tableau:views:download"] as const;
/** The token is spent by the sign-in right away; a short life limits what a leaked one could do. */
export const REST_TOKEN_LIFETIME_SECONDS = 120;
