import Link from "next/link";
import styles from "./catalog.module.css";

/** A plain GET form: the search lives in the URL (`?q=`), so it works without JavaScript and can be shared. */
export function CatalogSearch({ query }: { query: string }) {
  return (
    <form role="search" action="/" method="get" className={styles.search}>
      <label htmlFor="catalog-q" className="visually-hidden">
        Search dashboards
      </label>
      <input
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
        <Link href="/" className="button button-ghost">
          Clear
        </Link>
      ) : null}
    </form>
  );
}
