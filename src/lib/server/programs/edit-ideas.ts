import { DomainError } from '../../domain/errors.ts';
import { ideaFromForm, MAX_IDEAS, newIdeaId } from '../../domain/programs/idea-form.ts';
import type { ProgramDocument, SuggestionData } from '../../domain/programs/schema.ts';
import { change, type Ctx, type Target } from './edit-draft.ts';

type ActionStep = Extract<ProgramDocument['steps'][number], { kind: 'actions' }>;

/** Changes the ideas of one action step of the draft, or refuses when it is not one. */
function withIdeas(
	d: ProgramDocument,
	stepId: string,
	edit: (ideas: SuggestionData[], step: ActionStep) => SuggestionData[]
): ProgramDocument {
	const at = d.steps.findIndex((s) => s.id === stepId);
	const step = d.steps[at];
	if (!step) throw new DomainError('not_found', 'This step is no longer in the program.');
	if (step.kind !== 'actions')
		throw new DomainError('invalid_input', 'Only an action step holds action ideas.');
	const steps = [...d.steps];
	steps[at] = { ...step, suggestions: edit([...step.suggestions], step) };
	return { ...d, steps };
}

/**
 * Adds an idea to an action step (`ideaId` empty) or rewrites one; refused, with a message per
 * field, when the words or a choice do not fit. Returns the idea's id.
 */
export async function saveIdea(
	ctx: Ctx,
	input: Target & { stepId: string; ideaId: string; form: Record<string, string | undefined> }
): Promise<{ ideaId: string }> {
	const made = ideaFromForm(input.form);
	if (!made.ok)
		throw new DomainError('invalid_input', 'Please check the highlighted fields.', {
			fields: made.fields
		});
	let ideaId = input.ideaId;
	await change(
		ctx,
		input,
		(d) =>
			withIdeas(d, input.stepId, (ideas) => {
				if (!ideaId) {
					if (ideas.length >= MAX_IDEAS)
						throw new DomainError(
							'invalid_input',
							`An action step holds up to ${MAX_IDEAS} ideas: remove one before adding another.`
						);
					ideaId = newIdeaId(made.idea.text, new Set(ideas.map((i) => i.id)));
					return [...ideas, { id: ideaId, ...made.idea }];
				}
				const at = ideas.findIndex((i) => i.id === ideaId);
				if (at < 0) throw new DomainError('not_found', 'This idea is no longer in the step.');
				ideas[at] = { id: ideaId, ...made.idea };
				return ideas;
			}),
		'text'
	);
	return { ideaId };
}

/** Takes an idea out of an action step; the last one stays (a step needs at least one idea). */
export async function removeIdea(ctx: Ctx, input: Target & { stepId: string; ideaId: string }) {
	await change(ctx, input, (d) =>
		withIdeas(d, input.stepId, (ideas) => {
			const left = ideas.filter((i) => i.id !== input.ideaId);
			if (left.length === 0)
				throw new DomainError(
					'invalid_input',
					'An action step needs at least one idea: add another before removing this one.'
				);
			return left;
		})
	);
}
