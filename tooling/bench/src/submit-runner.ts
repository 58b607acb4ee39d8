/**
 * The public submissions beside the freshness case's visitors, in their own
 * process: one join request a second through the public form's own procedure
 * (joinRequest.submit over HTTP, as the site's form posts it), each from a
 * different client address (X-Forwarded-For; the server trusts loopback for
 * this case), so the per-address limit stands for many visitors, not one.
 * The form tokens were fetched before the load began and are older than the
 * minimum fill time, as a visitor's would be. Prints { submissions } as JSON.
 * Usage: tsx submit-runner.ts '<json SubmitConfig>'
 */
export interface SubmitConfig {
  base: string;
  origin: string;
  warmupMs: number;
  durationMs: number;
  perSecond: number;
  clusterId: number;
  /** One form token per submission, oldest first. */
  tokens: string[];
}

export interface SubmitResult {
  submissions: { status: number; ms: number }[];
}

const config = JSON.parse(process.argv[2] ?? '{}') as SubmitConfig;
const started = performance.now();
const end = started + config.warmupMs + config.durationMs;
const measuring = () => performance.now() - started >= config.warmupMs;
const result: SubmitResult = { submissions: [] };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

async function submit(n: number): Promise<{ status: number; ms: number }> {
  const t = performance.now();
  const input = {
    clusterId: config.clusterId,
    organisationName: `Bänkföretaget ${n} AB`,
    organisationNumber: null,
    municipalityCode: null,
    website: null,
    areaIds: [],
    contactName: `Besökare ${n}`,
    email: `bench.visitor.${n}@example.se`,
    message: 'Vi vill gärna vara med.',
    language: 'sv',
    consent: true,
    formToken: config.tokens[n % config.tokens.length],
    homepage: '',
  };
  let status = 0;
  try {
    const response = await fetch(`${config.base}/trpc/joinRequest.submit`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: config.origin,
        'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      },
      body: JSON.stringify(input),
      signal: AbortSignal.timeout(30_000),
    });
    await response.arrayBuffer();
    status = response.status;
  } catch {
    // timed out or refused: status 0
  }
  return { status, ms: performance.now() - t };
}

const every = 1000 / config.perSecond;
for (let n = 0, due = performance.now(); due < end; n++, due += every) {
  await sleep(due - performance.now());
  const sent = await submit(n);
  if (measuring()) result.submissions.push(sent);
  if (performance.now() > due + every) due = performance.now() - every;
}
process.stdout.write(JSON.stringify(result));
