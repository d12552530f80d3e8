"use client";

import Form from "next/form";
import Link from "next/link";
import { useRef, useState } from "react";
import { PAGE_SIZES, type WorkbookQuery } from "@/lib/admin/workbooks/query";
import { SELECT_HINT_ID, useSelectApply } from "./use-select-apply";
import styles from "./workbooks.module.css";

/**
 * Search, project and page-size controls. A GET form (next/form): the state goes to the URL, so results are
 * bookmarkable, the back button works, and it works before JavaScript loads. A select chosen with the pointer
 * applies at once; one changed from the keyboard waits for Enter (or Search): a select's arrow keys change its
 * value at every press, and reloading the list at each would move on before the visitor chose (WCAG 3.2.2).
 */
export function WorkbooksFilters({ query, projects }: { query: WorkbookQuery; projects: string[] }) {
  const form = useRef<HTMLFormElement>(null);
  const submit = () => form.current?.requestSubmit();
  const select = useSelectApply(submit);
  // Controlled fields that follow the URL (back button, links) but keep what the admin is typing meanwhile:
  // when the query from the URL changes, the fields take its values; otherwise they keep local edits.
  const [fields, setFields] = useState({
    q: query.q,
    project: query.project,
    pageSize: String(query.pageSize),
  });
  const [shown, setShown] = useState(query);
  if (shown !== query && !sameFilters(shown, query)) {
    setShown(query);
    setFields({ q: query.q, project: query.project, pageSize: String(query.pageSize) });
  }
  const set = (key: keyof typeof fields) => (e: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [key]: e.target.value }));
  const known = projects.includes(query.project) || query.project === "";
  return (
    <Form
      action="/admin/workbooks"
      ref={form}
      className={styles.filters}
      role="search"
      aria-label="Workbooks"
    >
      <input type="hidden" name="sort" value={`${query.sort}:${query.dir}`} />
      <label className={`field ${styles.search}`}>
        <span>Name contains</span>
        <input
          type="search"
          name="q"
          value={fields.q}
          onChange={set("q")}
          maxLength={200}
          placeholder="Search workbooks"
          data-testid="workbook-search"
        />
      </label>
      <label className="field">
        <span>Project</span>
        <select
          name="project"
          value={fields.project}
          onChange={(e) => {
            set("project")(e);
            select.changed();
          }}
          {...select.props}
          data-testid="project-filter"
        >
          <option value="">All projects</option>
          {known ? null : <option value={query.project}>{query.project}</option>}
          {projects.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Per page</span>
        <select
          name="pageSize"
          defaultValue={String(query.pageSize)}
          onChange={select.changed}
          {...select.props}
          data-testid="page-size"
        >
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <span id={SELECT_HINT_ID} className="visually-hidden">
        With the keyboard, press Enter to apply.
      </span>
      <div className={styles.actions}>
        <button type="submit" className="button button-primary">
          Search
        </button>
        {query.q || query.project ? (
          <Link href="/admin/workbooks" className="button button-ghost">
            Clear
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

function sameFilters(a: WorkbookQuery, b: WorkbookQuery): boolean {
  return a.q === b.q && a.project === b.project && a.pageSize === b.pageSize;
}
