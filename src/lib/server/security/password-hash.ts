import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's first recommended setting: 19 MiB, 2 passes, 1 lane.
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, options);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
	try {
		return await verify(stored, password);
	} catch {
		return false;
	}
}

let dummy: Promise<string> | undefined;
/** Spend the same time as a real check when no account matches, so timing tells nothing. */
export async function verifyAgainstDummy(password: string): Promise<void> {
	dummy ??= hashPassword('midpoint-dummy-password-for-timing');
	await verifyPassword(await dummy, password);
}
