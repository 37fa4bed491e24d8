import { open, seal } from '../crypto/aead.ts';
import { masterKeyById, type MasterKey } from '../crypto/master-key.ts';

const PREFIX = 'sealed1';

/** Seals a job's payload with the master key, bound to the job's kind. */
export function sealPayload(master: MasterKey, kind: string, payload: unknown): string {
	const sealed = seal(master.key, Buffer.from(JSON.stringify(payload), 'utf8'), `job:${kind}`);
	return `${PREFIX}:${master.id}:${sealed.iv}:${sealed.ciphertext}:${sealed.tag}`;
}

/** Opens a sealed payload; a plain JSON one (queued before sealing began, or scrubbed) is read as is. */
export function openPayload(master: MasterKey, kind: string, stored: string): unknown {
	if (!stored.startsWith(`${PREFIX}:`)) return JSON.parse(stored);
	const [, id, iv, ciphertext, tag] = stored.split(':');
	// Sealed before a rotation: the previous master key, held until the rotation ends, opens it.
	const key = masterKeyById(master, id!);
	if (!key)
		throw new Error(`This job was sealed with master key ${id}, which this process does not hold.`);
	const plain = open(key, { iv: iv!, ciphertext: ciphertext!, tag: tag! }, `job:${kind}`);
	return JSON.parse(plain.toString('utf8'));
}
