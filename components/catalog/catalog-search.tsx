"use client";

import Form from "next/form";
import Link from "next/link";
import { useEffect, useRef } from "react";
import styles from "./catalog.module.css";

/**
 * A GET form (next/form): the search lives in the URL (`?q=`), so it works without JavaScript and can be shared;
 * with JavaScript it is a client-side navigation, so the form and the focus in it stay put while the results
 * change (and are announced: catalog-section.tsx).
 */
export function CatalogSearch({ query }: { query: string }) {
  const input = useRef<HTMLInputElement>(null);
  // The field follows the URL (back button, Clear) unless the visitor is typing in it.
  useEffect(() => {
    if (input.current && document.activeElement !== input.current) input.current.value = query;
  }, [query]);
  return (
    <Form role="search" action="/" className={styles.search}>
      <label htmlFor="catalog-q" className="visually-hidden">
        Search dashboards
      </label>
      <input
        ref={input}
        id="catalog-q"
        className="input"
        type="search"
        name="q"
        defaultValue={query}
        maxLength={100}
        placeholder="Search dashboards, workbooks, projects"
      />
      <button type="submit" className="button">
        Search
      </button>
      {query ? (
        <Link
          href="/"
          className="button button-ghost"
          // The link goes away with the search: focus moves to the emptied field instead of the page.
          onClick={() => {
            if (!input.current) return;
            input.current.value = "";
            input.current.focus();
          }}
        >
          Clear
        </Link>
      ) : null}
    </Form>
  );
}
