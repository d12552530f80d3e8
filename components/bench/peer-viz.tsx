"use client";
/**
 * The benchmark peer's viz, mounted the way other Next.js Tableau portals mount one: after hydration, an effect
 * asks the token route for a token and adds the Tableau server's Embedding API script, both at once, and then
 * renders `<tableau-viz>` with the token. Imported by the peer page alone, so its code reaches no other page.
 */
import { useEffect, useState } from "react";

type State = { kind: "loading" } | { kind: "ready"; token: string } | { kind: "error"; message: string };

export function PeerViz({ src, scriptUrl }: { src: string; scriptUrl: string }) {
  const [state, setState] = useState<State>({ kind: "loading" });

  useEffect(() => {
    let live = true;
    Promise.all([fetchToken(), loadScript(scriptUrl)]).then(
      ([token]) => live && setState({ kind: "ready", token }),
      (error: unknown) => live && setState({ kind: "error", message: String(error) }),
    );
    return () => {
      live = false;
    };
  }, [scriptUrl]);

  if (state.kind === "error") return <p role="alert">{state.message}</p>;
  if (state.kind === "loading") return <p role="status">Loading the dashboard…</p>;
  return <tableau-viz src={src} token={state.token} toolbar="bottom" width="100%" height="700" />;
}

async function fetchToken(): Promise<string> {
  const response = await fetch("/api/tableau/token", { method: "POST", cache: "no-store" });
  const body = (await response.json()) as { token?: unknown };
  if (!response.ok || typeof body.token !== "string") throw new Error(`token route: ${response.status}`);
  return body.token;
}

function loadScript(url: string): Promise<void> {
  if (customElements.get("tableau-viz")) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.type = "module";
    script.src = url;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${url}`));
    document.head.append(script);
  });
}
