/** The id of every page's `<main>`: the skip link's target and where focus goes after a navigation. */
export const MAIN_ID = "main";
