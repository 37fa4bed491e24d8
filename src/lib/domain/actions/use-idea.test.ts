import { describe, expect, it } from 'vitest';
import { ACTION_SUGGESTIONS } from '../../content/program/action-suggestions.ts';
import { fillWithIdea } from './use-idea.ts';

const idea = ACTION_SUGGESTIONS[0]!;

describe('using an idea on the new-action form', () => {
	it('fills in the idea and keeps who, their address and the schedule as typed', () => {
		const typed = {
			key: 'k1',
			use: idea.id,
			what: '',
			withName: 'Ines',
			withEmail: 'ines@example.com',
			schedule: 'weekly',
			weekday: '3'
		};
		const { values, setAside } = fillWithIdea(typed, idea);
		expect(values).toEqual({
			key: 'k1',
			what: idea.text,
			withName: 'Ines',
			withEmail: 'ines@example.com',
			schedule: 'weekly',
			weekday: '3',
			domain: idea.domain,
			kind: idea.kind,
			discipline: idea.discipline,
			suggestion: idea.id
		});
		expect(setAside).toBeNull();
	});

	it('keeps the person’s own words set aside when a second idea replaces the first', () => {
		const second = ACTION_SUGGESTIONS[1]!;
		const first = fillWithIdea({ what: 'Ring my brother' }, idea);
		const again = fillWithIdea({ ...first.values, setAside: first.setAside! }, second, idea);
		expect(again.values.what).toBe(second.text);
		expect(again.setAside).toBe('Ring my brother');
		expect(again.values).not.toHaveProperty('setAside');
	});

	it('sets aside words of the person’s own that the idea replaces', () => {
		const mine = '  Ask my sister to help me plan the move  ';
		expect(fillWithIdea({ what: mine }, idea).setAside).toBe(mine.trim());
		expect(fillWithIdea({ what: idea.text }, idea).setAside).toBeNull();
	});
});
