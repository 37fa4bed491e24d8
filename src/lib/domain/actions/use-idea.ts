import type { SuggestionData } from '../programs/schema.ts';

/** The new-action form after "Use this idea", and any words of the person's own it replaced. */
export interface FilledWithIdea {
	values: Record<string, string>;
	/** What the person had written in "What will you do?", shown beside the form; null if nothing. */
	setAside: string | null;
}

/**
 * Fills the new-action form with an idea while keeping everything else the person typed: the
 * idea gives the words, where it happens, its kind and its discipline; the person, their address
 * and the report-back schedule stay as typed. Words of their own that the idea replaces are set
 * aside to be shown, never dropped.
 */
export function fillWithIdea(
	typed: Record<string, string>,
	idea: SuggestionData,
	/** The idea the form held before, if any: its words are not the person's own. */
	previous: SuggestionData | null = null
): FilledWithIdea {
	const what = (typed.what ?? '').trim();
	// Words set aside by an earlier idea stay set aside; the earlier idea's words are not theirs.
	const earlier = (typed.setAside ?? '').trim();
	const own = what === '' || what === previous?.text ? earlier : what;
	const values = { ...typed };
	delete values.use;
	delete values.setAside;
	Object.assign(values, {
		what: idea.text,
		domain: idea.domain,
		kind: idea.kind,
		discipline: idea.discipline,
		suggestion: idea.id
	});
	return { values, setAside: own !== '' && own !== idea.text ? own : null };
}
