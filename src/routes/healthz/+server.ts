import { json } from '@sveltejs/kit';
import { checkHealth } from '$lib/server/health/check-health';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => json(await checkHealth(locals.ctx));
