// How much JavaScript a page makes the browser load: the files its HTML imports (SvelteKit's start
// and app entries, and the nodes it hydrates), with everything they import statically, gzipped.
// Read from the build's client manifest; a page rendered with csr = false imports nothing but
// the standalone scripts it names in <script src> tags (counted as they are served).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

interface Chunk {
	file: string;
	imports?: string[];
}

export function pageJavaScript(html: string, appDir = '.'): { files: number; gzipBytes: number } {
	const manifestFile = path.join(appDir, '.svelte-kit/output/client/.vite/manifest.json');
	const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, Chunk>;
	const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
	const roots = [...html.matchAll(/import\("\.\/(_app\/immutable\/[^"]+\.js)"\)/g)].map(
		(m) => m[1]!
	);
	const nodeIds = /node_ids: \[([\d, ]*)\]/
		.exec(html)?.[1]
		?.split(',')
		.map((s) => s.trim());
	const keys = roots.map((file) => byFile.get(file)).filter((k): k is string => !!k);
	for (const id of nodeIds ?? [])
		keys.push(`.svelte-kit/generated/client-optimized/nodes/${id}.js`);
	const seen = new Set<string>();
	const visit = (key: string) => {
		if (seen.has(key) || !manifest[key]) return;
		seen.add(key);
		for (const imported of manifest[key].imports ?? []) visit(imported);
	};
	keys.forEach(visit);
	const files = [...seen].map((key) => manifest[key]!.file);
	for (const m of html.matchAll(/<script\b[^>]*\ssrc="\/([^"?#]+)"/g)) files.push(m[1]!);
	let gzipBytes = 0;
	for (const file of new Set(files)) {
		const source = fs.readFileSync(path.join(appDir, 'build/client', file));
		gzipBytes += zlib.gzipSync(source, { level: 9 }).length;
	}
	return { files: new Set(files).size, gzipBytes };
}
