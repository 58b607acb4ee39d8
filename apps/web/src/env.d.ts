/// <reference types="astro/client" />
import type { Caller } from './lib/api';

declare global {
  namespace App {
    interface Locals {
      /** In-process tRPC caller handed in by apps/server; absent under `astro dev`. */
      api?: Caller;
      /**
       * Offered by apps/server when this request may be answered from its
       * response cache: hand it the finished 200 response to store.
       */
      remember?: (headers: Record<string, string>, body: Buffer) => void;
    }
  }

  interface ImportMetaEnv {
    /** Where `astro dev` finds the API (default http://localhost:3000). */
    readonly PUBLIC_API_ORIGIN?: string;
  }
}
