import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { stepKindSchema } from '../../domain/programs/step-form.ts';
import type { AppContext } from '../context.ts';
import { copyProgram } from './create-program.ts';
import { addStep, moveStep, removeStep, renameProgram, saveStep } from './edit-draft.ts';
import { removeIdea, saveIdea } from './edit-ideas.ts';
import { enrolClients } from './enrol.ts';
import { publishProgram, shareProgram } from './publish-program.ts';
import { requireTeamChoice } from './practice-teams.ts';

type Ctx = Pick<AppContext, 'db' | 'now'>;
interface Sent {
	actor: Actor;
	practiceId: string;
	programId: string;
	values: Record<string, string>;
	data: FormData;
}

const target = ({ actor, practiceId, programId }: Sent) => ({ actor, practiceId, programId });
const stepAnchor = (id: string) => `#step-${encodeURIComponent(id)}`;

/**
 * The builder's forms: each turns what was sent into its use-case's input and says where the
 * coach lands next (`?saved=…#part`), so plain forms keep their place without JavaScript.
 */
export const builderForms = {
	rename: async (ctx: Ctx, sent: Sent) => {
		await renameProgram(ctx, {
			...target(sent),
			title: sent.values.title ?? '',
			summary: sent.values.summary ?? ''
		});
		return '?saved=details#details';
	},
	add: async (ctx: Ctx, sent: Sent) => {
		const kind = stepKindSchema.safeParse(sent.values.kind);
		if (!kind.success)
			throw new DomainError('invalid_input', 'Choose what kind of step to add.', {
				fields: { kind: 'Choose a kind of step.' }
			});
		await requireTeamChoice(ctx.db, target(sent), sent.values);
		const { stepId } = await addStep(ctx, { ...target(sent), kind: kind.data, form: sent.values });
		return `?saved=added${stepAnchor(stepId)}`;
	},
	save: async (ctx: Ctx, sent: Sent) => {
		const stepId = sent.values.stepId ?? '';
		const kept = sent.data.getAll('keep').filter((v): v is string => typeof v === 'string');
		// Ticked boxes share one name; keep them all in the echoed values so a refused form
		// comes back with the same ideas ticked.
		sent.values.kept = kept.join(',');
		await requireTeamChoice(ctx.db, target(sent), sent.values);
		await saveStep(ctx, { ...target(sent), stepId, form: sent.values, kept });
		return `?saved=step${stepAnchor(stepId)}`;
	},
	move: async (ctx: Ctx, sent: Sent) => {
		const stepId = sent.values.stepId ?? '';
		const by = sent.values.by === 'up' ? 'up' : 'down';
		await moveStep(ctx, { ...target(sent), stepId, by: by === 'up' ? -1 : 1 });
		// No #fragment here: a page opened on a fragment ignores autofocus, and the focused button
		// scrolls into view by itself.
		return `?saved=moved&step=${encodeURIComponent(stepId)}&by=${by}`;
	},
	/** Adds or rewrites one idea of an action step; the step's editor stays open on its ideas. */
	saveIdea: async (ctx: Ctx, sent: Sent) => {
		const stepId = sent.values.stepId ?? '';
		const ideaId = sent.values.ideaId ?? '';
		await saveIdea(ctx, { ...target(sent), stepId, ideaId, form: sent.values });
		return `?edit=${encodeURIComponent(stepId)}&saved=${ideaId ? 'idea' : 'idea-added'}#ideas`;
	},
	removeIdea: async (ctx: Ctx, sent: Sent) => {
		const stepId = sent.values.stepId ?? '';
		await removeIdea(ctx, { ...target(sent), stepId, ideaId: sent.values.ideaId ?? '' });
		return `?edit=${encodeURIComponent(stepId)}&saved=idea-removed#ideas`;
	},
	remove: async (ctx: Ctx, sent: Sent) => {
		await removeStep(ctx, { ...target(sent), stepId: sent.values.stepId ?? '' });
		return '?saved=removed#steps';
	},
	publish: async (ctx: Ctx, sent: Sent) => {
		const { number } = await publishProgram(ctx, target(sent));
		return `?saved=published-${number}#publish`;
	},
	share: async (ctx: Ctx, sent: Sent) => {
		await shareProgram(ctx, { ...target(sent), shared: sent.values.shared === 'yes' });
		return '?saved=shared#publish';
	},
	/** A copy the coach owns and may change: of their own program, or of one shared with them. */
	copy: async (ctx: Ctx, sent: Sent) => {
		const { id } = await copyProgram(ctx, {
			actor: sent.actor,
			practiceId: sent.practiceId,
			from: sent.programId
		});
		return `/practices/${sent.practiceId}/programs/${id}?saved=copied`;
	},
	enrol: async (ctx: Ctx, sent: Sent) => {
		const clientIds = sent.data.getAll('clients').filter((v): v is string => typeof v === 'string');
		// As with `kept` above: a refused form comes back with the same clients ticked.
		sent.values.clients = clientIds.join(',');
		const { enrolled } = await enrolClients(ctx, {
			...target(sent),
			clientIds,
			startOn: sent.values.startOn ?? ''
		});
		return `?saved=enrolled-${enrolled}#enrol`;
	}
};
export type BuilderForm = keyof typeof builderForms;
export const BUILDER_FORMS = Object.keys(builderForms) as BuilderForm[];
