import { signOutAction } from "@/lib/auth/sign-out-action";

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="button button-ghost">
        Sign out
      </button>
    </form>
  );
}
