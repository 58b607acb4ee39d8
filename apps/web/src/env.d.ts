/// <reference types="astro/client" />
import type { Caller } from './lib/api';

declare global {
  namespace App {
    interface Locals {
      /** In-process tRPC caller handed in by apps/server; absent under `astro dev`. */
      api?: Caller;
      /**
       * Set by apps/server on a posted form: it came from another site (Origin /
       * Sec-Fetch-Site), so the page answers 403 without calling anything.
       */
      crossSite?: boolean;
      /**
       * Offered by apps/server when this request may be answered from its
       * response cache: hand it the finished 200 response to store.
       */
      remember?: (headers: Record<string, string>, body: Buffer) => void;
      /**
       * Offered by apps/server: the headers and body to send for this answer,
       * coded (brotli/gzip) as the request's Accept-Encoding allows. With
       * `notModified`, only the headers of a 304 (Vary) are made.
       */
      encode?: (
        headers: Record<string, string>,
        body: Buffer,
        notModified?: boolean,
      ) => Promise<{ headers: Record<string, string>; body: Buffer }>;
    }
  }

  interface ImportMetaEnv {
    /** Where `astro dev` finds the API (default http://localhost:3000). */
    readonly PUBLIC_API_ORIGIN?: string;
  }
}
