import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import { copyProgram, createProgram } from './create-program.ts';
import { importProgramFile } from './import-file.ts';

type Ctx = Pick<AppContext, 'db' | 'now'>;
interface Sent {
	actor: Actor;
	practiceId: string;
	values: Record<string, string>;
	data: FormData;
}
const builder = (practiceId: string, id: string) => `/practices/${practiceId}/programs/${id}`;

/** The Programs page's forms that make a program: each answers with the new program's builder. */
export const programsPageForms = {
	create: async (ctx: Ctx, { actor, practiceId, values }: Sent) =>
		builder(
			practiceId,
			(await createProgram(ctx, { actor, practiceId, title: values.title ?? '' })).id
		),
	copy: async (ctx: Ctx, { actor, practiceId, values }: Sent) =>
		builder(
			practiceId,
			(await copyProgram(ctx, { actor, practiceId, from: values.from ?? '' })).id
		),
	import: async (ctx: Ctx, { actor, practiceId, data }: Sent) =>
		builder(
			practiceId,
			(await importProgramFile(ctx, { actor, practiceId, file: data.get('file') })).id
		)
};
export type ProgramsPageForm = keyof typeof programsPageForms;
export const PROGRAMS_PAGE_FORMS = Object.keys(programsPageForms) as ProgramsPageForm[];
