"use client";

import { useActionState } from "react";
import { login, type LoginState } from "@/lib/auth/login-action";

export function LoginForm({
  callbackUrl,
  initialError,
  secondary = false,
}: {
  callbackUrl: string;
  initialError?: string;
  /** Single sign-on's button is the page's main action: this one then steps back. */
  secondary?: boolean;
}) {
  const [state, action, pending] = useActionState<LoginState, FormData>(
    login,
    initialError ? { error: initialError } : {},
  );
  return (
    <form action={action} className="stack" aria-describedby={state.error ? "login-error" : undefined}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.error ? (
        <p id="login-error" role="alert" className="alert alert-error">
          {state.error}
        </p>
      ) : null}
      <label className="field">
        <span>E-mail</span>
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email ?? ""}
          key={state.email ?? ""}
        />
      </label>
      <label className="field">
        <span>Password</span>
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button
        type="submit"
        className={`button ${secondary ? "button-secondary" : "button-primary"}`}
        disabled={pending}
        aria-busy={pending}
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
