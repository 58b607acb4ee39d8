/**
 * How large one tRPC request may be. The server refuses a batch of more
 * procedures (apps/server trpc-limits.ts), and the admin's and the site's
 * clients split their batches by the same numbers (httpBatchLink's
 * `maxItems` and `maxURLLength`), so a page that asks for many things at once
 * still never meets the refusal.
 */
export const TRPC_BATCH_LIMITS = {
  /** Procedures in one batch. */
  maxItems: 20,
  /** A batched GET's URL, in characters; the server accepts twice this before refusing. */
  maxURLLength: 4000,
} as const;
