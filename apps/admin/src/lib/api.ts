/**
 * The typed tRPC client. It calls /trpc on the same origin with the session
 * cookie (no tokens in JavaScript). A link watches every answer: an
 * UNAUTHORIZED one means the session expired, and the app sends the user to
 * sign in and back again.
 */
import type { AppRouter } from '@cos/api';
import { TRPC_BATCH_LIMITS } from '@cos/domain';
import { createTRPCClient, httpBatchLink, type TRPCLink } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { observable } from '@trpc/server/observable';

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;

let unauthorizedHandler: (() => void) | null = null;

/** Called when any call (other than the session check itself) is refused as signed out. */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

/** For calls made outside tRPC (plain fetch) that were answered 401. */
export function onUnauthorizedNow(): void {
  unauthorizedHandler?.();
}

const watchSession: TRPCLink<AppRouter> =
  () =>
  ({ next, op }) =>
    observable((observer) =>
      next(op).subscribe({
        next: (value) => observer.next(value),
        error: (error) => {
          if (error.data?.code === 'UNAUTHORIZED' && op.path !== 'session.me') {
            unauthorizedHandler?.();
          }
          observer.error(error);
        },
        complete: () => observer.complete(),
      }),
    );

export const api = createTRPCClient<AppRouter>({
  links: [
    watchSession,
    httpBatchLink({
      url: '/trpc',
      // Long batched GETs (import duplicate checks) are split before URLs grow too long, and
      // never hold more procedures than the server accepts in one batch (it refuses more).
      ...TRPC_BATCH_LIMITS,
    }),
  ],
});
