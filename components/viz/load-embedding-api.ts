/**
 * Loads the Embedding API v3 in the browser, once per page life: either the Tableau server's own copy (a module
 * script, Tableau's advice, since the server's copy always matches the server's version) or the bundled npm
 * package through a dynamic import, so its code ships only to pages that show a viz. Never runs on the server.
 */
import { embeddingApiScriptUrl } from "@/lib/tableau/embed-urls";
import { EARLY_EMBEDDING_API_ATTR } from "./early-viz-script";

export type EmbedLibrary = "server" | "bundled";

/** The Embedding API could not be loaded (Tableau down, blocked by a proxy or CSP, or a broken bundle). */
export class EmbeddingApiLoadError extends Error {
  readonly code = "EMBEDDING_API_LOAD_FAILED";
  override readonly name = "EmbeddingApiLoadError";
}

let loading: Promise<void> | undefined;

/** Resolves once `<tableau-viz>` is defined. Concurrent and later calls share the first load. */
export function loadEmbeddingApi(library: EmbedLibrary, server: string): Promise<void> {
  if (typeof window === "undefined") return Promise.reject(new EmbeddingApiLoadError("not in a browser"));
  if (customElements.get("tableau-viz")) return Promise.resolve();
  loading ??= (
    library === "bundled" ? importBundled() : loadServerScript(embeddingApiScriptUrl(server))
  ).catch((error: unknown) => {
    // Forget a failed load so that "Try again" really tries again.
    loading = undefined;
    throw error;
  });
  return loading;
}

// A page keeps a failed module script's failure for its URL: the same URL never loads again until a reload.
// Each new attempt (one automatic retry after a second, then each "Try again") asks for a distinct URL.
let attempts = 0;
const RETRY_DELAY_MS = 1000;

async function loadServerScript(url: string): Promise<void> {
  try {
    await injectScript(attemptUrl(url, attempts++));
  } catch {
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    await injectScript(attemptUrl(url, attempts++));
  }
}

/** The script URL for the n-th attempt: the first is the plain URL, later ones add a `vizport-attempt` query. */
export function attemptUrl(url: string, attempt: number): string {
  if (attempt === 0) return url;
  const next = new URL(url);
  next.searchParams.set("vizport-attempt", String(attempt));
  return next.href;
}

async function importBundled(): Promise<void> {
  try {
    // Importing the package in a browser defines the custom elements.
    await import("@tableau/embedding-api");
  } catch (cause) {
    throw new EmbeddingApiLoadError("The bundled Embedding API failed to load", { cause });
  }
  await customElements.whenDefined("tableau-viz");
}

function injectScript(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const early = document.querySelector<HTMLScriptElement>(`script[${EARLY_EMBEDDING_API_ATTR}]`);
    if (early?.isConnected) {
      // The view page's early script started the load before hydration: wait for it rather than fetch again.
      // If it fails, it removes itself and "Try again" lands in the branch below, which reports the failure.
      early.addEventListener("error", () =>
        reject(new EmbeddingApiLoadError(`Could not load the Embedding API from ${new URL(url).origin}`)),
      );
      void customElements.whenDefined("tableau-viz").then(() => resolve());
      return;
    }
    const script = document.createElement("script");
    script.type = "module";
    script.src = url;
    script.dataset.vizportEmbeddingApi = "";
    script.onload = () => void customElements.whenDefined("tableau-viz").then(() => resolve());
    script.onerror = () => {
      script.remove();
      reject(new EmbeddingApiLoadError(`Could not load the Embedding API from ${new URL(url).origin}`));
    };
    document.head.append(script);
  });
}
