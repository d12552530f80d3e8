/**
 * The embed token a view page's server render minted for its first viz. It is spent when that viz signs in, so
 * this page life hands it to one mount only: a component mounted again with the same page data (the router
 * restoring a page on back or forward) sees it spent and asks the token route for a fresh one.
 */
const spent = new Set<string>();

export function isFreshPageToken(token: string | undefined): token is string {
  return token !== undefined && token !== "" && !spent.has(token);
}

export function spendPageToken(token: string): void {
  spent.add(token);
}
