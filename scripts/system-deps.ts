// What `npm test` needs from the operating system, and how to tell whether it is there.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface SystemDep {
	name: string;
	packages: string[];
	required: boolean;
	present: () => boolean;
	why: string;
}

function commandWorks(command: string, args: string[]): boolean {
	try {
		execFileSync(command, args, { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

export function findPostgresBin(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const versions = fs
		.readdirSync(root)
		.filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

export const systemDeps: SystemDep[] = [
	{
		name: 'Chromium',
		packages: ['chromium', 'fonts-dejavu-core'],
		required: true,
		present: () => fs.existsSync('/usr/bin/chromium'),
		why: 'the end-to-end tests drive a real browser'
	},
	{
		name: 'PostgreSQL',
		packages: ['postgresql'],
		required: false,
		present: () => findPostgresBin() !== undefined,
		why: 'every repository test also runs on PostgreSQL'
	},
	{
		name: 'R with psych and lavaan',
		packages: ['r-base-core', 'r-cran-psych', 'r-cran-lavaan'],
		required: false,
		present: () =>
			commandWorks('Rscript', ['-e', 'suppressMessages({library(psych); library(lavaan)})']),
		why: "the instrument's reliability is checked against psych::alpha and its structure with lavaan"
	},
	{
		name: 'qpdf and poppler',
		// The snapshot of page 1 is drawn with Liberation Sans standing in for Helvetica; without it
		// fontconfig picks DejaVu Sans, which is wider, and the snapshot moves.
		packages: ['qpdf', 'poppler-utils', 'fonts-liberation'],
		required: false,
		present: () =>
			commandWorks('qpdf', ['--version']) &&
			commandWorks('pdftoppm', ['-v']) &&
			fs.existsSync('/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf'),
		why: 'PDF reports are checked with qpdf and rendered with pdftoppm in Liberation Sans'
	}
];
