import { z } from 'zod';

export const emailChangeSchema = z.object({
	newEmail: z
		.string()
		.trim()
		.min(1, 'Enter the new email address.')
		.max(254, 'This email address is too long.')
		.pipe(z.email('Enter an email address like name@example.com.')),
	password: z.string().min(1, 'Enter your password.')
});
