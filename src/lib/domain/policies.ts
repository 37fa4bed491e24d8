/**
 * Who may do what, as data. `can(actor, action, resource)` works out how the actor relates to
 * the resource (owner, the client's coach, a coach or admin of the same practice) and looks the
 * action up in one table. Nothing else in the app decides access.
 */
export type PracticeRole = 'admin' | 'coach' | 'client';

export interface Actor {
	userId: string;
	/** Roles held, per practice id. */
	practices: Record<string, readonly PracticeRole[]>;
}

export interface Resource {
	practiceId?: string | null;
	/** The person the data is about (a client, or the account holder). */
	ownerId?: string | null;
	/** The coach assigned to that client. */
	coachId?: string | null;
	/** Teams (issue 12): the team's current members, for the team-member relation. */
	teamMemberIds?: readonly string[];
}

export type Relation =
	| 'owner'
	| 'assigned-coach'
	| 'practice-coach'
	| 'practice-admin'
	| 'practice-client'
	// Teams (issue 12): someone currently on the team the resource belongs to.
	| 'team-member'
	| 'signed-in';

export const relations: readonly Relation[] = [
	'owner',
	'assigned-coach',
	'practice-coach',
	'practice-admin',
	'practice-client',
	'team-member',
	'signed-in'
];

/** The policy table: each action lists the relations that allow it. Everything else is refused. */
export const policyTable = {
	'account.read': ['owner'],
	'account.update': ['owner'],
	'home.view': ['signed-in'],
	'practice.view': ['practice-coach', 'practice-admin'],
	'practice.update': ['practice-admin'],
	'practice.members.list': ['practice-coach', 'practice-admin'],
	'client.profile.read': ['owner', 'assigned-coach', 'practice-admin'],
	'assessment.take': ['owner'],
	'assessment.read': ['owner', 'assigned-coach', 'practice-admin'],
	'practice.instrument.read': ['practice-admin'],
	// Journal text is private: only its writer reads it here (coaches see shared entries later).
	'journal.read': ['owner'],
	'journal.write': ['owner'],
	// A shared entry is read by the client's own coach, and by no one else (not even an admin).
	'journal.read-shared': ['owner', 'assigned-coach'],
	// Actions and report-backs: the client acts; their own coach may read them (report-backs are
	// told to the coach). Nobody else, not even the practice admin.
	'action.read': ['owner', 'assigned-coach'],
	'action.write': ['owner'],
	'action.report': ['owner'],
	// Invitations: an admin brings in coaches; a coach brings in their own clients. The person
	// who sent an invitation, or the admin, may resend or revoke it (ownerId = the sender).
	'practice.invite-coach': ['practice-admin'],
	'practice.invite-client': ['practice-coach'],
	'invitation.manage': ['owner', 'practice-admin'],
	// The roster: a coach sees their own clients; an admin sees every client of the practice
	// (positions and activity, never journal text).
	'practice.roster': ['practice-coach', 'practice-admin'],
	// Replies on a shared entry or a report-back: between the client and their own coach only.
	'reply.read': ['owner', 'assigned-coach'],
	'reply.write': ['owner', 'assigned-coach'],
	// Coach notes belong to the coach's work with the client: never the client, never an admin.
	'coach-note.read': ['assigned-coach'],
	'coach-note.write': ['assigned-coach'],
	'reassessment.schedule': ['assigned-coach'],
	// Feedback rounds (J7): the client asks and reads the pooled result; nobody else reads a
	// round unless the client shares it (below).
	'feedback.read': ['owner'],
	'feedback.manage': ['owner'],
	// A round the client chose to share: their own coach reads its pooled result too.
	'feedback.read-shared': ['owner', 'assigned-coach'],
	// Local norms and the structure check (issue 15): pooled figures about the practice's
	// clients, read by its coaches and admins; only the admin changes the norms in force.
	'practice.instrument.validity': ['practice-coach', 'practice-admin'],
	'practice.norms.adopt': ['practice-admin'],
	// Your data (issue 13): only the person exports or deletes their account; only an admin
	// exports the practice (people, roles, results, report-back status; never journal text).
	'account.export': ['owner'],
	'account.delete': ['owner'],
	'practice.export': ['practice-admin'],
	// Teams (issue 12). For a team, coachId is the team's coach: only they run it and see the
	// named network and per-person figures; members see the team-level map and their own place.
	'team.create': ['practice-coach'],
	'team.manage': ['assigned-coach'],
	'team.view': ['assigned-coach', 'team-member'],
	'team.network.read': ['assigned-coach'],
	'team.check-in': ['team-member'],
	// Accounts: an admin removes coaches and admins and gives clients a coach (0031).
	'practice.staff.manage': ['practice-admin'],
	// The client's own coach may suggest a round; the client decides, and invites the people.
	'feedback.suggest': ['assigned-coach'],
	// Programs (decision 0038): a coach writes programs in their practice (ownerId = the author,
	// who must still be on its staff); an admin edits any and makes one available to every coach,
	// who may then use it (enrol, copy). A client's enrolment: their coach or an admin runs it, the
	// client follows it.
	'program.create': ['practice-coach', 'practice-admin'],
	'program.edit': ['owner', 'practice-admin'],
	'program.use-shared': ['practice-coach', 'practice-admin'],
	'program.share': ['practice-admin'],
	'enrolment.manage': ['assigned-coach', 'practice-admin'],
	'enrolment.follow': ['owner'],
	// Accounts, second round (0031): the practice's security log of staff events, admins only.
	'practice.security-log.read': ['practice-admin']
} as const satisfies Record<string, readonly Relation[]>;

export type Action = keyof typeof policyTable;
export const actions = Object.keys(policyTable) as Action[];

export function relationsOf(actor: Actor | null, resource: Resource): Set<Relation> {
	const found = new Set<Relation>();
	if (!actor) return found;
	found.add('signed-in');
	if (resource.ownerId && resource.ownerId === actor.userId) found.add('owner');
	const roles = resource.practiceId ? (actor.practices[resource.practiceId] ?? []) : [];
	if (roles.includes('admin')) found.add('practice-admin');
	if (roles.includes('coach')) {
		found.add('practice-coach');
		if (resource.coachId && resource.coachId === actor.userId) found.add('assigned-coach');
	}
	if (roles.includes('client')) found.add('practice-client');
	// Teams (issue 12)
	if (resource.teamMemberIds?.includes(actor.userId)) found.add('team-member');
	return found;
}

export function can(actor: Actor | null, action: Action, resource: Resource = {}): boolean {
	const allowed: readonly Relation[] = policyTable[action];
	const held = relationsOf(actor, resource);
	return allowed.some((relation) => held.has(relation));
}
