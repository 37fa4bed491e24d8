/** What `midpoint instrument` needs from the outside world, and its exit codes. */
export type CommandIo = {
	stdout: (text: string) => void;
	stderr: (text: string) => void;
	readFile: (path: string) => Promise<string>;
	/** The Rscript executable for `validate` (default: Rscript on the PATH). */
	rscript?: string;
};

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;
/** Two files that are each fine but do not go together: a wrong pair, like a wrong call. */
export const EXIT_MISMATCH = 2;

/** Reads a responses file, or says why it cannot and returns null. */
export async function readInput(path: string | undefined, io: CommandIo): Promise<string | null> {
	if (!path) {
		io.stderr('Give the responses file to read, e.g. "midpoint instrument score responses.csv".\n');
		return null;
	}
	try {
		return await io.readFile(path);
	} catch (error) {
		const code = (error as { code?: string }).code;
		const reason =
			code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(error);
		io.stderr(`Cannot read ${path}: ${reason}.\n`);
		return null;
	}
}

/** Prints why a file cannot be used; returns the bad-input exit code. */
export function refuse(path: string, errors: string[], io: CommandIo): number {
	io.stderr(`${path} cannot be used:\n${errors.map((line) => `  ${line}\n`).join('')}`);
	return EXIT_BAD_INPUT;
}
