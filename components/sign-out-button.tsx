import { signOut } from "@/auth";
import { getCurrentUser } from "@/lib/auth/session";
import { currentRequestId } from "@/lib/http/request-id";
import { logEvent } from "@/lib/log";
import { signOutTableauRest } from "@/lib/tableau/server";

async function signOutAction(): Promise<void> {
  "use server";
  const user = await getCurrentUser();
  if (user) {
    // Ends the user's cached Tableau REST session too, so it does not outlive the portal session.
    await signOutTableauRest(user.email);
    logEvent("auth.signout", { requestId: await currentRequestId(), user: user.email });
  }
  await signOut({ redirectTo: "/login" });
}

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="button button-ghost">
        Sign out
      </button>
    </form>
  );
}
