import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

/**
 * A software passkey authenticator for tests that run without a browser: it makes an ES256 key
 * pair and answers registration and sign-in challenges exactly as WebAuthn lays them out (CBOR
 * attestation "none", authenticator data, a DER signature), so @simplewebauthn/server checks
 * them for real. The browser tests use Chromium's own virtual authenticator instead.
 */

function head(major: number, n: number): Buffer {
	if (n < 24) return Buffer.from([(major << 5) | n]);
	if (n < 256) return Buffer.from([(major << 5) | 24, n]);
	const b = Buffer.alloc(3);
	b[0] = (major << 5) | 25;
	b.writeUInt16BE(n, 1);
	return b;
}

type Cbor = number | string | Buffer | Map<Cbor, Cbor> | Record<string, unknown>;

function cbor(value: Cbor): Buffer {
	if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
	if (typeof value === 'string') {
		const bytes = Buffer.from(value, 'utf8');
		return Buffer.concat([head(3, bytes.length), bytes]);
	}
	if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
	const entries = value instanceof Map ? [...value] : Object.entries(value);
	return Buffer.concat([
		head(5, entries.length),
		...entries.flatMap(([k, v]) => [cbor(k as Cbor), cbor(v as Cbor)])
	]);
}

const b64url = (b: Buffer) => b.toString('base64url');

function clientData(type: string, challenge: string, origin: string): Buffer {
	return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

export class SoftAuthenticator {
	readonly credentialId = randomBytes(16);
	private readonly privateKey: KeyObject;
	private readonly publicJwk: { x: string; y: string };
	private counter = 0;
	userHandle: string | undefined;

	readonly rpId: string;
	readonly origin: string;

	constructor(rpId = 'localhost', origin = 'http://localhost:3000') {
		this.rpId = rpId;
		this.origin = origin;
		const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
		this.privateKey = privateKey;
		this.publicJwk = publicKey.export({ format: 'jwk' }) as { x: string; y: string };
	}

	get id(): string {
		return b64url(this.credentialId);
	}

	private authData(flags: number, attested?: Buffer): Buffer {
		const count = Buffer.alloc(4);
		count.writeUInt32BE(++this.counter);
		const rpIdHash = createHash('sha256').update(this.rpId).digest();
		return Buffer.concat([rpIdHash, Buffer.from([flags]), count, attested ?? Buffer.alloc(0)]);
	}

	/** The browser's answer to generateRegistrationOptions(); `origin` may pose as another site. */
	register(options: { challenge: string; user: { id: string } }, origin = this.origin) {
		this.userHandle = options.user.id;
		const cose = new Map<Cbor, Cbor>([
			[1, 2],
			[3, -7],
			[-1, 1],
			[-2, Buffer.from(this.publicJwk.x, 'base64url')],
			[-3, Buffer.from(this.publicJwk.y, 'base64url')]
		]);
		const idLength = Buffer.alloc(2);
		idLength.writeUInt16BE(this.credentialId.length);
		const attested = Buffer.concat([Buffer.alloc(16), idLength, this.credentialId, cbor(cose)]);
		const authData = this.authData(0x01 | 0x04 | 0x40, attested);
		const attestationObject = cbor({ fmt: 'none', attStmt: {}, authData });
		return {
			id: this.id,
			rawId: this.id,
			type: 'public-key',
			response: {
				clientDataJSON: b64url(clientData('webauthn.create', options.challenge, origin)),
				attestationObject: b64url(attestationObject),
				transports: ['internal']
			},
			clientExtensionResults: {},
			authenticatorAttachment: 'platform'
		};
	}

	/** The browser's answer to generateAuthenticationOptions(). */
	use(options: { challenge: string }, origin = this.origin) {
		const authData = this.authData(0x01 | 0x04);
		const data = clientData('webauthn.get', options.challenge, origin);
		const signed = Buffer.concat([authData, createHash('sha256').update(data).digest()]);
		const signature = sign('sha256', signed, { key: this.privateKey, dsaEncoding: 'der' });
		return {
			id: this.id,
			rawId: this.id,
			type: 'public-key',
			response: {
				clientDataJSON: b64url(data),
				authenticatorData: b64url(authData),
				signature: b64url(signature),
				userHandle: this.userHandle
			},
			clientExtensionResults: {},
			authenticatorAttachment: 'platform'
		};
	}
}
