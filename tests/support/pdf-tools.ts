import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * The poppler and qpdf command-line tools, run on a PDF held in memory, plus a
 * grey-scale image comparison for layout snapshots.
 */
const run = promisify(execFile);

export const PDF_TOOLS = ['qpdf', 'pdftotext', 'pdftoppm'] as const;

/** The tools that are not installed, so a test can skip loudly instead of failing obscurely. */
export function missingPdfTools(): string[] {
	return PDF_TOOLS.filter((tool) => spawnSync(tool, ['-v']).error !== undefined);
}

async function withPdfFile<T>(pdf: Buffer, use: (folder: string, path: string) => Promise<T>) {
	const folder = await mkdtemp(join(tmpdir(), 'midpoint-pdf-'));
	try {
		const path = join(folder, 'report.pdf');
		await writeFile(path, pdf);
		return await use(folder, path);
	} finally {
		await rm(folder, { recursive: true, force: true });
	}
}

/** Exit code of `qpdf --check` (0 means the file structure is sound). */
export function qpdfCheck(pdf: Buffer): Promise<number> {
	return withPdfFile(pdf, async (_folder, path) => {
		try {
			await run('qpdf', ['--check', path]);
			return 0;
		} catch (err) {
			// A numeric code is qpdf's verdict; anything else (e.g. ENOENT) is a failure to run it.
			const code = (err as { code?: unknown }).code;
			if (typeof code === 'number') return code;
			throw err;
		}
	});
}

export function pdfText(pdf: Buffer): Promise<string> {
	return withPdfFile(pdf, async (_folder, path) => (await run('pdftotext', [path, '-'])).stdout);
}

/** One page rendered by pdftoppm, as PGM (grey) or PNG bytes. */
export function renderPage(
	pdf: Buffer,
	pageNumber: number,
	format: 'pgm' | 'png'
): Promise<Buffer> {
	return withPdfFile(pdf, async (folder, path) => {
		const out = join(folder, 'page');
		const mode = format === 'pgm' ? '-gray' : '-png';
		const page = String(pageNumber);
		await run('pdftoppm', [mode, '-r', '50', '-f', page, '-l', page, '-singlefile', path, out]);
		return readFile(`${out}.${format}`);
	});
}

export interface GreyImage {
	width: number;
	height: number;
	pixels: Uint8Array;
}

/** Parses a binary PGM (P5, 8-bit): a short text header, then one byte per pixel. */
export function parsePgm(data: Buffer): GreyImage {
	const header = /^P5\s+(?:#[^\n]*\n\s*)*(\d+)\s+(\d+)\s+(\d+)\s/.exec(
		data.subarray(0, 100).toString('latin1')
	);
	if (!header || header[3] !== '255') throw new Error('Not an 8-bit binary PGM image.');
	const width = Number(header[1]);
	const height = Number(header[2]);
	const start = header[0].length;
	return { width, height, pixels: data.subarray(start, start + width * height) };
}

/** Share of pixels whose grey level differs by more than `tolerance`; 1 when sizes differ. */
export function differingShare(a: GreyImage, b: GreyImage, tolerance = 32): number {
	if (a.width !== b.width || a.height !== b.height) return 1;
	let differing = 0;
	for (let i = 0; i < a.pixels.length; i++) {
		if (Math.abs(a.pixels[i]! - b.pixels[i]!) > tolerance) differing++;
	}
	return differing / a.pixels.length;
}
