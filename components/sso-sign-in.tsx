"use client";

import { useFormStatus } from "react-dom";
import { startSsoSignIn } from "@/lib/auth/sso/sign-in-action";

function SubmitButton({ name, primary }: { name: string; primary: boolean }) {
  const { pending } = useFormStatus();
  // aria-disabled, not disabled: the button keeps focus while the provider's page is on its way.
  return (
    <button
      type="submit"
      className={`button ${primary ? "button-primary" : "button-secondary"}`}
      aria-disabled={pending}
      aria-busy={pending}
      onClick={(e) => {
        if (pending) e.preventDefault();
      }}
    >
      {pending ? `Opening ${name}…` : `Sign in with ${name}`}
    </button>
  );
}

/** The single sign-on button: a form posting to a server action, so it works before hydration too. */
export function SsoSignIn({
  name,
  callbackUrl,
  primary,
}: {
  name: string;
  callbackUrl: string;
  primary: boolean;
}) {
  return (
    <form action={startSsoSignIn} className="stack">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <SubmitButton name={name} primary={primary} />
    </form>
  );
}
