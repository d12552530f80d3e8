"use client";

/** Last resort for an unexpected failure while rendering the list: no stack trace, a way to try again. */
export default function WorkbooksPageError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="alert alert-error" data-testid="workbooks-error">
      <p>
        <strong>The workbooks page failed to load.</strong> This is a fault in Vizport, not in your search;
        the server log has the details.
      </p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
