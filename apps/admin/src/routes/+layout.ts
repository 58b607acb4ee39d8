// A single-page app: nothing is rendered on the server or at build time.
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';
