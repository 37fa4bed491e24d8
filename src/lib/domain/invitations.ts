import { GREETING_NAME_PROBLEM, greetingNameProblem } from './schemas/greeting-name.ts';
import { z } from 'zod';

/** How long an invitation link works (docs/decisions/0014-practice-invitations.md). */
export const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

export type InvitationRole = 'coach' | 'client';
export type InvitationStatus = 'pending' | 'accepted' | 'expired' | 'revoked';

/** Where an invitation stands at a moment: accepted and revoked are final; pending runs out. */
export function invitationStatus(
	row: { accepted_at: string | null; revoked_at: string | null; expires_at: string },
	now: Date
): InvitationStatus {
	if (row.accepted_at) return 'accepted';
	if (row.revoked_at) return 'revoked';
	if (new Date(row.expires_at).getTime() <= now.getTime()) return 'expired';
	return 'pending';
}

export const invitationSchema = z.object({
	role: z.enum(['coach', 'client'], 'Choose whether you are inviting a client or a coach.'),
	name: z
		.string()
		.trim()
		.min(1, 'Enter the name of the person you are inviting.')
		.max(100, 'Use at most 100 characters for the name.')
		.refine((name) => !greetingNameProblem(name), GREETING_NAME_PROBLEM),
	email: z
		.string()
		.trim()
		.min(1, 'Enter their email address.')
		.max(254, 'This email address is too long.')
		.pipe(z.email('Enter an email address like name@example.com.'))
});

export type InvitationInput = z.infer<typeof invitationSchema>;

/** The name and password someone chooses when an invitation creates their account. */
export const invitedAccountSchema = z.object({
	name: z
		.string()
		.trim()
		.min(1, 'Enter your name.')
		.max(100, 'Use at most 100 characters for your name.'),
	password: z.string().max(512, 'Use at most 128 characters.')
});
