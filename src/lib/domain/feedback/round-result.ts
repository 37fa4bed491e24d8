import type { DomainCode } from '../../content/instrument/codes.ts';
import type { GapWords } from '../../content/feedback/self-vs-others.ts';
import type { SelfVsOthers } from './blind-spot.ts';
import type { DomainView } from './pooling.ts';

/** One group of a round as pages show it: built only from what pooling.ts lets out. */
export interface DomainResult {
	code: DomainCode;
	name: string;
	/** How many people the client asked in this group (they know that already). */
	asked: number;
	view: DomainView;
	comparison: (SelfVsOthers & { words: GapWords }) | null;
}

export interface RoundResult {
	id: string;
	openedOn: string;
	closesOn: string;
	closed: boolean;
	/** Past its closing time but not yet closed by the jobs scan: no figures yet. */
	closing: boolean;
	/** Whether the client shares this round with their coach. */
	shared: boolean;
	/** Who is reading: the client, or their coach reading a shared round (no forms for them). */
	viewer: 'owner' | 'coach';
	/** Whether the client's one reminder for this round was used. */
	reminded: boolean;
	domains: DomainResult[];
	comments: string[] | null;
	/** Forms set aside for a missed attention line (whole round), once released; else null. */
	setAside: number | null;
}
