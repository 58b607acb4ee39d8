import { describe, expect, it } from 'vitest';
import { DEV_SERVER_ORIGINS, loadConfig } from './config';

const base = { DATABASE_URL: ':memory:', AUTH_SECRET: 'x'.repeat(32) };

describe('allowed origins', () => {
  it('are the public origin alone in production', () => {
    const config = loadConfig({ ...base, PUBLIC_ORIGIN: 'https://clusters.example/' });
    expect(config.origin).toBe('https://clusters.example/');
    expect(config.allowedOrigins).toEqual(['https://clusters.example']);
  });

  it('default to localhost on the configured port', () => {
    expect(loadConfig({ ...base, PORT: '4000' }).allowedOrigins).toEqual(['http://localhost:4000']);
  });

  it('add the dev servers of pnpm dev in development only', () => {
    const config = loadConfig({ ...base, NODE_ENV: 'development' });
    expect(config.allowedOrigins).toEqual(['http://localhost:3000', ...DEV_SERVER_ORIGINS]);
    expect(loadConfig({ ...base, NODE_ENV: 'production' }).allowedOrigins).toEqual([
      'http://localhost:3000',
    ]);
  });
});
