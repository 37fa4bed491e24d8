import type { ReplySubject } from '../db/types.ts';

export const isReplySubject = (value: string): value is ReplySubject =>
	value === 'entry' || value === 'report';
