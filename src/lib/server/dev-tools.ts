import type { Config } from './config.ts';

// Whether this server is reachable only from this computer, which decides whether the dev
// mailbox and the demo button are on by default (decision 0025), and why, in words.

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True when HOST lets only this machine connect. Unset: `midpoint serve` then listens on loopback
 * for a local ORIGIN (bin/serve.js); vite dev and the command line listen for nobody. */
export function isLoopbackHost(host: string | undefined): boolean {
	return host === undefined || ['127.0.0.1', '::1', '[::1]', 'localhost'].includes(host);
}

/** True when ORIGIN names this machine. Unset (vite dev, tests) counts as local outside production. */
export function isLocalOrigin(origin: string | undefined, isProduction: boolean): boolean {
	if (!origin) return !isProduction;
	return LOCAL_HOSTS.has(new URL(origin).hostname);
}

/** Why the dev mailbox and the demo button are on or off, as the first-run page says it. */
export function devToolsReason(
	config: Pick<Config, 'demoEnabled' | 'isProduction' | 'reach'>
): string {
	const { demoSetting, localOrigin, host } = config.reach;
	if (demoSetting) return `MIDPOINT_DEMO=${demoSetting}`;
	if (config.demoEnabled)
		return "this server's address (ORIGIN) is on this computer, and it listens on this computer only";
	if (!localOrigin) return "this server's address (ORIGIN) is not on this computer";
	if (config.isProduction) return 'NODE_ENV is production';
	return `HOST ${host} lets other computers connect`;
}
