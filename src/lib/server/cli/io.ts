export interface CliIo {
	stdout: (text: string) => void;
	stderr: (text: string) => void;
	readStdin: () => Promise<string>;
	env: Record<string, string | undefined>;
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export const processIo: CliIo = {
	stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
	stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
	readStdin: async () => {
		const chunks: Buffer[] = [];
		for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
		return Buffer.concat(chunks).toString('utf8');
	},
	env: process.env
};
