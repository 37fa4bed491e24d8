import type { Actor } from '../../domain/policies.ts';
import { PROMPT_LEANS } from '../../domain/programs/schema.ts';
import { renderReading } from '../../domain/programs/reading.ts';
import { kindNameOf, runningTeamsOf } from './practice-teams.ts';
import { describeDelivery } from '../../domain/programs/describe.ts';
import type { AppContext } from '../context.ts';
import { documentOf, usableProgram } from './access.ts';

/** The draft as a client would meet it, step by step, with when each step comes. */
export async function getProgramPreview(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor; practiceId: string; programId: string }
) {
	const { program } = await usableProgram(ctx.db, input.actor, input.programId, input.practiceId);
	const draft = documentOf(program.draft);
	const teams = await runningTeamsOf(ctx.db, input.practiceId);
	return {
		id: program.id,
		title: draft.title,
		summary: draft.summary,
		steps: draft.steps.map((step, i) => ({
			id: step.id,
			number: i + 1,
			title: step.title,
			kindName: kindNameOf(step, teams),
			when: describeDelivery(draft.steps, i),
			html: step.kind === 'reading' ? renderReading(step.body) : null,
			intro: 'intro' in step ? step.intro : null,
			question: step.kind === 'check-in' ? step.question : null,
			prompts:
				step.kind === 'reflection'
					? PROMPT_LEANS.map((lean) => ({
							lean,
							prompts: step.prompts.filter((p) => p.for === lean)
						})).filter((g) => g.prompts.length)
					: [],
			suggestions: step.kind === 'actions' ? step.suggestions : []
		}))
	};
}
