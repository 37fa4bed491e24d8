import { DomainError } from '../../domain/errors.ts';
import { can, type Actor } from '../../domain/policies.ts';
import type { AppContext } from '../context.ts';
import {
	countPracticeClients,
	findPractice,
	listPracticeMembers,
	type PracticeMember
} from './repository.ts';

export interface PracticeOverview {
	id: string;
	name: string;
	coaches: PracticeMember[];
	admins: PracticeMember[];
	clientCount: number;
	canManage: boolean;
}

export async function getPracticeOverview(
	ctx: Pick<AppContext, 'db'>,
	input: { actor: Actor; practiceId: string }
): Promise<PracticeOverview> {
	const resource = { practiceId: input.practiceId };
	if (!can(input.actor, 'practice.members.list', resource)) {
		throw new DomainError('forbidden', 'You do not have access to this practice.');
	}
	const practice = await findPractice(ctx.db, input.practiceId);
	if (!practice) throw new DomainError('not_found', 'This practice does not exist.');
	const members = await listPracticeMembers(ctx.db, practice.id, { staffOnly: true });
	const clientCount = await countPracticeClients(ctx.db, practice.id);
	return {
		id: practice.id,
		name: practice.name,
		coaches: members.filter((m) => m.role === 'coach'),
		admins: members.filter((m) => m.role === 'admin'),
		clientCount,
		canManage: can(input.actor, 'practice.update', resource)
	};
}
