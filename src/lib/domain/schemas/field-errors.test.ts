import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors } from './field-errors.ts';

describe('fieldErrors', () => {
	it('gives each field its first message, and puts whole-form issues under "form"', () => {
		const schema = z
			.object({
				name: z.string().min(1, 'Enter your name.').max(3, 'Too long.'),
				age: z.number('Enter a number.')
			})
			.refine(() => false, 'Something about the whole form.');
		const result = schema.safeParse({ name: '', age: 'x' });
		expect(result.success ? {} : fieldErrors(result.error)).toEqual({
			name: 'Enter your name.',
			age: 'Enter a number.'
		});
		const whole = z.object({ a: z.string() }).refine(() => false, 'Not like this.');
		const refused = whole.safeParse({ a: 'x' });
		expect(refused.success ? {} : fieldErrors(refused.error)).toEqual({ form: 'Not like this.' });
	});
});
