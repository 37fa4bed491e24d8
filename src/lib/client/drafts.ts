/**
 * Journal text kept in this browser until the server has it. Each copy is filed under the
 * signed-in person's opaque draft id (never their email), so the next person on a shared
 * computer cannot have it brought back into their own journal; sign-out removes every copy.
 */
const PREFIX = 'midpoint:draft:';

export function draftStorageKey(owner: string, key: string): string {
	return `${PREFIX}${owner}:${key}`;
}

/** Removes every journal copy in this browser, whoever wrote it. */
export function clearDrafts(): void {
	try {
		for (const key of Object.keys(localStorage))
			if (key.startsWith(PREFIX)) localStorage.removeItem(key);
	} catch {
		// Storage may be off (private mode, a policy): then there is nothing to clear.
	}
}
