import { DomainError } from '../../domain/errors.ts';

export const PASSKEY_GARBLED = 'The passkey did not come through in one piece. Please try again.';
export const PASSKEY_TOO_SLOW = 'That took too long, or the page was used twice. Please try again.';

/**
 * A browser's answer (the JSON @simplewebauthn/browser gives), read just enough to find its
 * challenge and credential id; the library checks everything else.
 */
export function readCeremonyResponse<
	T extends { id: string; response: { clientDataJSON: string } }
>(text: string): { response: T; challenge: string } {
	try {
		if (text.length > 20_000) throw new Error('too long');
		const response = JSON.parse(text) as T;
		const clientData = JSON.parse(
			Buffer.from(response.response.clientDataJSON, 'base64url').toString('utf8')
		) as { challenge?: unknown };
		if (typeof response.id !== 'string' || typeof clientData.challenge !== 'string')
			throw new Error('incomplete');
		return { response, challenge: clientData.challenge };
	} catch {
		throw new DomainError('invalid_input', PASSKEY_GARBLED);
	}
}
