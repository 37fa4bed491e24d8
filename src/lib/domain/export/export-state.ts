/** What a page says about the newest export: one of these, in the person's words. */
export type ExportState =
	| { state: 'none' }
	| { state: 'working'; progress: number; step: string }
	| { state: 'ready'; id: string; sizeBytes: number; expiresAt: string }
	| { state: 'used'; downloadedAt: string }
	| { state: 'expired' }
	| { state: 'failed' };

/** A size as people read it: "840 KB", "2.4 MB". */
export function readableSize(bytes: number): string {
	if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
	return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A moment in UTC as "30 November 2026 at 18:05 UTC". */
export function readableMoment(iso: string): string {
	const d = new Date(iso);
	const day = d.toLocaleDateString('en-GB', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	});
	return `${day} at ${iso.slice(11, 16)} UTC`;
}
