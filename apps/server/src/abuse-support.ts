/**
 * For this package's tests of abuse (floods of batches, downloads, a huge
 * import): keep an abuse going on several connections, and meanwhile ask
 * something else (/healthz, an admin's write) again and again. What the tests
 * assert is interleaving, never milliseconds: the probe was answered, several
 * times, while abusive requests were still being answered before and after
 * it. How fast it was answered is measured by `pnpm bench`.
 */

export interface Interleaving {
  /** Status of each probe, in order. */
  probes: number[];
  /** Abusive requests answered before the first probe was sent. */
  abuseBefore: number;
  /** Abusive requests answered between the first probe's start and the last probe's answer. */
  abuseDuring: number;
  /** Statuses of all abusive requests. */
  abuseStatuses: Map<number, number>;
}

export async function probeWhileAbused(options: {
  /** Parallel connections of abuse. */
  connections: number;
  /** One abusive request; resolves with its status once its body has been read. */
  abuse: () => Promise<number>;
  /** One probe; resolves with its status. */
  probe: () => Promise<number>;
  /**
   * Probes to send, one after the other, at least. Probing goes on (up to 20
   * times as many) until an abusive answer has come back while it went on:
   * on a loaded machine one download can outlast a handful of probes, and
   * the point is that the probes were answered while the abuse was served.
   */
  probes: number;
  /** Abusive answers to wait for before probing (so the abuse is in full swing). */
  warmUp?: number;
}): Promise<Interleaving> {
  const { connections, abuse, probe, probes: count, warmUp = options.connections } = options;
  const abuseStatuses = new Map<number, number>();
  let answered = 0;
  let running = true;
  let warmedUp: () => void = () => undefined;
  const warm = new Promise<void>((resolve) => {
    warmedUp = resolve;
  });
  const loops = Array.from({ length: connections }, async () => {
    while (running) {
      const status = await abuse();
      abuseStatuses.set(status, (abuseStatuses.get(status) ?? 0) + 1);
      answered += 1;
      if (answered >= warmUp) warmedUp();
    }
  });
  try {
    await Promise.race([warm, Promise.all(loops)]);
    const abuseBefore = answered;
    const probes: number[] = [];
    while (probes.length < count || (answered === abuseBefore && probes.length < count * 20))
      probes.push(await probe());
    const abuseDuring = answered - abuseBefore;
    return { probes, abuseBefore, abuseDuring, abuseStatuses };
  } finally {
    running = false;
    await Promise.all(loops);
  }
}
