import type { Kysely } from 'kysely';
import type { Dialect } from '../create-db.ts';

// Frozen: teams, their members and invitations, check-in rounds and reliance ties (J8), as on
// 2026-11-29. Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
	const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
	const real = dialect === 'postgres' ? 'double precision' : 'real';
	await db.schema
		.createTable('teams')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('practice_id', 'text', (c) =>
			c.notNull().references('practices.id').onDelete('cascade')
		)
		// The coach who runs the team: the only one who sees its named network.
		.addColumn('coach_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('lead_id', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', ts, (c) => c.notNull())
		.addColumn('archived_at', ts)
		.execute();
	await db.schema.createIndex('teams_practice').on('teams').columns(['practice_id']).execute();

	await db.schema
		.createTable('team_members')
		.addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('joined_at', ts, (c) => c.notNull())
		// Set when the coach takes someone off the team; their past answers stay in closed rounds.
		.addColumn('left_at', ts)
		// 1 when the member agreed to show their dot by name on the team map.
		.addColumn('show_dot', 'integer', (c) => c.notNull().defaultTo(0))
		.addPrimaryKeyConstraint('team_members_pk', ['team_id', 'user_id'])
		.execute();
	await db.schema
		.createIndex('team_members_user')
		.on('team_members')
		.columns(['user_id'])
		.execute();

	await db.schema
		.createTable('team_invitations')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		// SHA-256 of the emailed link's token.
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', ts, (c) => c.notNull())
		.addColumn('expires_at', ts, (c) => c.notNull())
		.addColumn('accepted_at', ts)
		.addColumn('revoked_at', ts)
		.execute();
	await db.schema
		.createIndex('team_invitations_team')
		.on('team_invitations')
		.columns(['team_id', 'email'])
		.execute();

	await db.schema
		.createTable('team_rounds')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
		.addColumn('number', 'integer', (c) => c.notNull())
		.addColumn('opened_at', ts, (c) => c.notNull())
		.addColumn('closes_at', ts, (c) => c.notNull())
		.addColumn('closed_at', ts)
		// JSON RoundSummary (domain/teams/trail.ts), frozen once the round has closed, so the
		// trail stays as it was when someone later leaves or deletes their account.
		.addColumn('summary', 'text')
		.addUniqueConstraint('team_rounds_number', ['team_id', 'number'])
		.execute();

	// A member's check-in: the positions copied from their own result (never the result itself).
	await db.schema
		.createTable('team_check_ins')
		.addColumn('round_id', 'text', (c) =>
			c.notNull().references('team_rounds.id').onDelete('cascade')
		)
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('overall_position', real)
		.addColumn('team_position', real)
		.addColumn('updated_at', ts, (c) => c.notNull())
		.addColumn('completed_at', ts)
		.addPrimaryKeyConstraint('team_check_ins_pk', ['round_id', 'user_id'])
		.execute();

	// One answer of the reliance survey: `from` says how often, for `question`, about `to`.
	await db.schema
		.createTable('team_ties')
		.addColumn('round_id', 'text', (c) =>
			c.notNull().references('team_rounds.id').onDelete('cascade')
		)
		.addColumn('from_user_id', 'text', (c) =>
			c.notNull().references('users.id').onDelete('cascade')
		)
		.addColumn('to_user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('question', 'text', (c) => c.notNull())
		.addColumn('level', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('team_ties_pk', ['round_id', 'from_user_id', 'to_user_id', 'question'])
		.execute();
}
