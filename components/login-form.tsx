"use client";

import { useActionState, useEffect, useRef } from "react";
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
  const password = useRef<HTMLInputElement>(null);
  // A refused sign-in empties the password: focus goes there, ready for another try, and the alert is read.
  // Only after an attempt (`state.email` is set), not when the page opens with an error from Auth.js.
  useEffect(() => {
    if (state.error && state.email !== undefined) password.current?.focus();
  }, [state]);
  return (
    <form
      action={action}
      className="stack"
      aria-describedby={state.error ? "login-error" : undefined}
      // While the sign-in runs the button stays focusable (aria-disabled, not disabled, which would drop
      // focus to the page); a second submit is refused here instead.
      onSubmit={(e) => {
        if (pending) e.preventDefault();
      }}
    >
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
        <input ref={password} name="password" type="password" autoComplete="current-password" required />
      </label>
      <button
        type="submit"
        className={`button ${secondary ? "button-secondary" : "button-primary"}`}
        aria-disabled={pending}
        aria-busy={pending}
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
