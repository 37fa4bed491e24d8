/**
 * A file the person saves: sent as an attachment under `fileName`, private and never kept by a
 * cache (every download here is someone's own data or their practice's).
 */
export function download(body: string | Buffer, type: string, fileName: string): Response {
	const bytes = typeof body === 'string' ? body : new Uint8Array(body);
	return new Response(bytes, {
		headers: {
			'content-type': type,
			...(typeof body === 'string' ? {} : { 'content-length': String(body.length) }),
			'content-disposition': `attachment; filename="${fileName}"`,
			'cache-control': 'private, no-store'
		}
	});
}
