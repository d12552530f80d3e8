import type { Metadata } from "next";
import Link from "next/link";
import { UserForm } from "@/components/admin/users/user-form";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Add a user · Users" };

export default async function NewUserPage() {
  await requireAdmin();
  return (
    <div className="stack-lg">
      <div className="page-header">
        <p>
          <Link href="/admin/users">← All users</Link>
        </p>
        <h1>Add a user</h1>
        <p className="muted">
          A local account: e-mail and password. People from single sign-on are added when they first sign in.
        </p>
      </div>
      <section className="card">
        <UserForm values={{ name: "", role: "viewer", tableauUsername: "", attributes: "", groups: "" }} />
      </section>
    </div>
  );
}
