import type { APIRoute } from 'astro';
import { siteMap } from '../lib/endpoints';

export const GET: APIRoute = (context) => siteMap(context);
