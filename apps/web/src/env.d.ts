/// <reference types="astro/client" />
import type { Caller } from './lib/api';

declare global {
  namespace App {
    interface Locals {
      /** In-process tRPC caller handed in by apps/server; absent under `astro dev`. */
      api?: Caller;
    }
  }

  interface ImportMetaEnv {
    /** Where `astro dev` finds the API (default http://localhost:3000). */
    readonly PUBLIC_API_ORIGIN?: string;
  }
}
