import { sensitiveAction } from '../http/reauth.ts';
import { endAllOtherSessions, endOtherSession } from '../sessions/end-sessions.ts';
import { describeDevice } from '../../domain/devices.ts';

/** The account page's two forms of the sessions list; both need a recent password (0031). */
export const sessionForms = {
	endSession: sensitiveAction(
		async ({ locals }, { values }) => {
			const signedIn = locals.signedIn!;
			const ended = await endOtherSession(locals.ctx, {
				signedIn,
				sessionId: (values.session ?? '').slice(0, 64)
			});
			return { sessionEnded: describeDevice(ended.device) };
		},
		{ form: 'sessions' }
	),
	endOthers: sensitiveAction(
		async ({ locals }) => {
			const { ended } = await endAllOtherSessions(locals.ctx, { signedIn: locals.signedIn! });
			return { othersEnded: ended };
		},
		{ form: 'sessions' }
	)
};
