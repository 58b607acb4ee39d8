import type { APIRoute } from 'astro';
import { robots } from '../lib/endpoints';

export const GET: APIRoute = (context) => robots(context);
