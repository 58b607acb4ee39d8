import type { APIRoute } from 'astro';
import { newsFeed } from '../../lib/endpoints';

export const GET: APIRoute = (context) => newsFeed(context, 'sv');
