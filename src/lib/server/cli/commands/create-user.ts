import { z } from 'zod';
import { passwordProblem } from '../../../domain/passwords.ts';
import { fieldErrors } from '../../../domain/schemas/field-errors.ts';
import { createAccount } from '../../auth/sign-up.ts';
import { hashPassword } from '../../security/password-hash.ts';
import { findUserByEmail, normaliseEmail } from '../../users/repository.ts';
import { UsageError } from '../io.ts';
import { openContext } from '../open-context.ts';
import type { Command } from './command.ts';
import { helpOption, parseCommandArgs } from './command.ts';
import { parseArgs } from 'node:util';

const schema = z.object({
	email: z
		.string({ error: '--email is required.' })
		.trim()
		.pipe(z.email('--email must be an address like name@example.com.')),
	name: z
		.string({ error: '--name is required.' })
		.trim()
		.min(1, '--name must not be empty.')
		.max(100, '--name: at most 100 characters.'),
	kind: z.enum(['coach', 'client'], '--kind must be coach or client.'),
	practice: z.string().trim().max(120, '--practice: at most 120 characters.').optional()
});

export const createUserCommand: Command = {
	name: 'create-user',
	help: `Usage: midpoint create-user --email ADDRESS --name NAME --kind coach|client
                              [--practice NAME] (--password-stdin | --password PASSWORD)

Creates an account whose email counts as confirmed. A coach also gets a practice that they
administer (named by --practice). Prefer --password-stdin, which reads the password from
standard input, so it does not show up in your shell history or the process list.

Example:
  echo 'a long password of yours' | midpoint create-user --email ann@example.com \\
      --name "Ann Lee" --kind coach --practice "Lee Coaching" --password-stdin`,
	async run(args, io) {
		const { values } = parseCommandArgs(() =>
			parseArgs({
				args,
				options: {
					help: helpOption,
					email: { type: 'string' },
					name: { type: 'string' },
					kind: { type: 'string', default: 'client' },
					practice: { type: 'string' },
					password: { type: 'string' },
					'password-stdin': { type: 'boolean' }
				},
				allowPositionals: false,
				strict: true
			})
		);
		if (values.help) return (io.stdout(this.help), 0);
		// Every problem with the options at once, so one more try is enough.
		const parsed = schema.safeParse(values);
		const problems = parsed.success ? [] : Object.values(fieldErrors(parsed.error));
		if (parsed.success && parsed.data.kind === 'client' && parsed.data.practice)
			problems.push(
				'--practice is only for a coach, who opens that practice. A client joins a practice when one of its coaches invites them.'
			);
		if (values.password && values['password-stdin'])
			problems.push('Give --password or --password-stdin, not both.');
		else if (values.password === undefined && !values['password-stdin'])
			problems.push('A password is required: use --password-stdin (or --password).');
		if (!parsed.success || problems.length) throw new UsageError(problems.join('\n'));
		const password = values['password-stdin']
			? (await io.readStdin()).replace(/\r?\n$/, '')
			: values.password;
		if (!password)
			throw new UsageError('A password is required: use --password-stdin (or --password).');
		const problem = passwordProblem(password, { email: parsed.data.email });
		if (problem) throw new UsageError(`Password: ${problem}`);

		const { ctx, handle } = await openContext(io.env);
		try {
			const email = normaliseEmail(parsed.data.email);
			if (await findUserByEmail(ctx.db, email)) {
				io.stderr(`An account with ${email} already exists. Nothing was changed.`);
				return 1;
			}
			const { practiceId } = await createAccount(ctx, {
				kind: parsed.data.kind,
				name: parsed.data.name,
				email,
				passwordHash: await hashPassword(password),
				practiceName: parsed.data.practice,
				verified: true
			});
			const practice = parsed.data.practice || `${parsed.data.name}'s practice`;
			io.stdout(
				practiceId
					? `Created coach ${email}, admin of the practice "${practice}" (its id, for midpoint norms --practice: ${practiceId}).`
					: `Created client ${email}.`
			);
			return 0;
		} finally {
			await handle.close();
		}
	}
};
