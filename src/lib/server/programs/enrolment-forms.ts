import type { Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import {
	endEnrolment,
	moveOnByStep,
	moveToLatestVersion,
	pauseEnrolment,
	resumeEnrolment
} from './manage-enrolment.ts';

type Ctx = Pick<AppContext, 'db' | 'now'>;
interface Sent {
	actor: Actor;
	practiceId: string;
	clientId: string;
	values: Record<string, string>;
}
const who = ({ actor, practiceId, clientId }: Sent) => ({ actor, practiceId, clientId });

/** The coach's forms on a client's program: each runs its use-case and names what was done. */
export const enrolmentForms = {
	pause: async (ctx: Ctx, sent: Sent) => (await pauseEnrolment(ctx, who(sent)), 'paused'),
	resume: async (ctx: Ctx, sent: Sent) =>
		(await resumeEnrolment(ctx, who(sent))).length ? 'resumed-caught-up' : 'resumed',
	end: async (ctx: Ctx, sent: Sent) => (await endEnrolment(ctx, who(sent)), 'ended'),
	moveOn: async (ctx: Ctx, sent: Sent) => (
		await moveOnByStep(ctx, { ...who(sent), stepId: sent.values.stepId ?? '' }),
		'moved-on'
	),
	moveVersion: async (ctx: Ctx, sent: Sent) => (
		await moveToLatestVersion(ctx, { ...who(sent), seenVersion: Number(sent.values.seenVersion) }),
		'moved-version'
	)
};
export type EnrolmentForm = keyof typeof enrolmentForms;
export const ENROLMENT_FORMS = Object.keys(enrolmentForms) as EnrolmentForm[];
