/// <reference lib="dom" />
/**
 * Another site reads the open data in a real browser: a page served from a
 * second local origin fetches the platform's /api/v1 routes (allowed by
 * CORS) and its /trpc (refused by the browser: same-origin only).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../browser';
import { startPlatform, type Platform } from '../platform';

let platform: Platform;
let browser: Browser;
let elsewhere: Server;
let elsewhereOrigin: string;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startPlatform(), launchBrowser()]);
  // A municipality's site, say: one empty page on its own origin.
  elsewhere = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><html lang="sv"><title>Kommunen</title><h1>Kommunen</h1></html>');
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  elsewhereOrigin = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  await new Promise((resolve) => elsewhere?.close(resolve));
});

describe('open data read by another site in Chromium', () => {
  it('reads /api/v1 and is refused /trpc', async () => {
    expect(new URL(elsewhereOrigin).origin).not.toBe(new URL(platform.origin).origin);
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(elsewhereOrigin);
    const result = await tab.evaluate(async (api) => {
      const read = async (path: string) => {
        try {
          const response = await fetch(api + path, { headers: { 'if-none-match': '"x"' } });
          return { status: response.status, body: await response.text() };
        } catch (error) {
          return { error: String(error) };
        }
      };
      return {
        areas: await read('/api/v1/areas'),
        members: await read('/api/v1/members?limit=1'),
        trpc: await read('/trpc/area.list'),
      };
    }, platform.origin);
    expect(result.areas).toMatchObject({ status: 200 });
    expect(result.members).toMatchObject({ status: 200 });
    expect(JSON.stringify(result.areas)).toMatch(/livsmedel/);
    // The browser itself refuses to hand over an answer without CORS permission.
    expect('error' in result.trpc ? result.trpc.error : 'answered').toMatch(/Failed to fetch/);
    await context.close();
  });
});
