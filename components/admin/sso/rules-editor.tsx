"use client";

import { useActionState, useEffect, useRef } from "react";
import { saveSsoRulesAction, type RulesFormState } from "@/lib/admin/sso/actions";

/** The rules as JSON (docs/sso-rules.md), checked and saved by the server; problems listed by rule. */
export function RulesEditor({ document, version }: { document: string; version: number }) {
  const [state, action, pending] = useActionState<RulesFormState, FormData>(saveSsoRulesAction, {});
  const message = useRef<HTMLDivElement>(null);
  // After a submit, move focus to the outcome, so keyboard and screen-reader users hear it.
  useEffect(() => {
    if (state.ok || state.error) message.current?.querySelector<HTMLElement>("[tabindex='-1']")?.focus();
  }, [state]);
  const problems = state.problems ?? [];
  return (
    <form action={action} className="stack">
      <div ref={message}>
        {state.error ? (
          <div role="alert" className="alert alert-error" tabIndex={-1} data-testid="rules-error">
            <p>{state.error}</p>
            {problems.length ? (
              <ul id="rules-problems">
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {state.ok ? (
          <p role="status" className="alert alert-success" tabIndex={-1} data-testid="rules-saved">
            {state.message}
          </p>
        ) : null}
      </div>
      <input type="hidden" name="version" value={state.version ?? version} />
      <div className="field">
        <label htmlFor="rules-document">Rules (JSON)</label>
        <textarea
          id="rules-document"
          name="document"
          rows={24}
          spellCheck={false}
          className="code-input"
          defaultValue={state.document ?? document}
          key={state.document ?? document}
          aria-invalid={problems.length ? true : undefined}
          aria-describedby={problems.length ? "rules-help rules-problems" : "rules-help"}
        />
        <span id="rules-help" className="muted small">
          Ordered: the first rule whose match holds decides. The format is in docs/sso-rules.md.
        </span>
      </div>
      <div className="row">
        <button type="submit" className="button button-primary" disabled={pending} aria-busy={pending}>
          {pending ? "Saving…" : "Check and save"}
        </button>
      </div>
    </form>
  );
}
