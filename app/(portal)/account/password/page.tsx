import type { Metadata } from "next";
import { PasswordForm } from "@/components/password-form";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your password" };

export default async function PasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser({ passwordPage: true });
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  return (
    <div className="stack-lg">
      <div className="page-header">
        <h1>Your password</h1>
        <p className="muted">
          {user.mustChangePassword
            ? "An administrator set your password. Choose your own to go on."
            : `Change the password of ${user.email}.`}
        </p>
      </div>
      <section className="card">
        <PasswordForm callbackUrl={callbackUrl === "/account/password" ? "/" : callbackUrl} />
      </section>
    </div>
  );
}
