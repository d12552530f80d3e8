/**
 * The provider's login and consent steps (`/interaction/{uid}`): choose a demo person, then Allow or Deny.
 * Cancel and Deny finish the interaction with `access_denied`, which oidc-provider sends to the client's
 * redirect URI as an OAuth error response, as a real provider does.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type Provider from "oidc-provider";
import { BodyError, readBody, sendHtml } from "./http";
import { consentPage, loginPage, messagePage } from "./pages";
import type { PeopleStore } from "./people";

type Interaction = Awaited<ReturnType<Provider["interactionDetails"]>>;

const EXPIRED = messagePage(
  "Sign-in expired",
  "This sign-in is no longer open (it expired, or was finished in another tab). Go back to the portal and sign in again.",
);

/** One value per field: a repeated field is refused rather than guessed at. */
function formField(form: URLSearchParams, name: string): string | undefined {
  const values = form.getAll(name);
  if (values.length > 1) throw new BodyError(400, `the field "${name}" is repeated`);
  return values[0];
}

async function clientName(provider: Provider, interaction: Interaction): Promise<string> {
  const client = await provider.Client.find(String(interaction.params.client_id));
  return client?.clientName ?? String(interaction.params.client_id);
}

async function grantConsent(provider: Provider, interaction: Interaction): Promise<string> {
  const { details } = interaction.prompt;
  const accountId = interaction.session?.accountId;
  if (!accountId) throw new BodyError(400, "nobody is signed in to this interaction");
  const grant = interaction.grantId
    ? await provider.Grant.find(interaction.grantId)
    : new provider.Grant({ accountId, clientId: String(interaction.params.client_id) });
  if (!grant) throw new BodyError(400, "the grant of this interaction is gone");
  const scopes = details.missingOIDCScope;
  if (Array.isArray(scopes)) grant.addOIDCScope(scopes.join(" "));
  const claims = details.missingOIDCClaims;
  if (Array.isArray(claims)) grant.addOIDCClaims(claims);
  return grant.save();
}

async function show(provider: Provider, people: PeopleStore, interaction: Interaction, res: ServerResponse) {
  const name = await clientName(provider, interaction);
  if (interaction.prompt.name === "login")
    return sendHtml(res, loginPage(interaction.uid, name, people.list()));
  const scopes = String(interaction.params.scope ?? "")
    .split(" ")
    .filter(Boolean);
  return sendHtml(res, consentPage(interaction.uid, name, scopes));
}

async function submit(provider: Provider, people: PeopleStore, req: IncomingMessage, res: ServerResponse) {
  const interaction = await provider.interactionDetails(req, res);
  const step = req.url?.split("?")[0]?.split("/")[3];
  const form = new URLSearchParams(await readBody(req, 4096));
  if (step !== interaction.prompt.name)
    throw new BodyError(400, `this interaction is at "${interaction.prompt.name}"`);
  const denied =
    step === "login" ? formField(form, "cancel") !== undefined : formField(form, "decision") !== "allow";
  if (denied) {
    const description = step === "login" ? "The person cancelled the sign-in" : "The person denied access";
    const result = { error: "access_denied", error_description: description };
    return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }
  if (step === "login") {
    const person = people.byLogin(formField(form, "login") ?? "");
    if (!person) throw new BodyError(400, "no such person");
    const login = { accountId: String(person.claims.sub) };
    return provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
  }
  const grantId = await grantConsent(provider, interaction);
  return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

/** Handles GET /interaction/{uid} and POST /interaction/{uid}/(login|consent). */
export async function handleInteraction(
  provider: Provider,
  people: PeopleStore,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    if (req.method === "GET")
      return await show(provider, people, await provider.interactionDetails(req, res), res);
    if (req.method === "POST") return await submit(provider, people, req, res);
    sendHtml(res, messagePage("Not allowed", "Use the page's buttons."), 405);
  } catch (error) {
    if (error instanceof BodyError)
      return sendHtml(res, messagePage("Bad request", error.message), error.status);
    if (error instanceof Error && error.name === "SessionNotFound") return sendHtml(res, EXPIRED, 400);
    throw error;
  }
}
