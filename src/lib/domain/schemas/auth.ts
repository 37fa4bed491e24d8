import { z } from 'zod';
import { PASSWORD_MAX, passwordProblem } from '../passwords.ts';

const email = z
	.string()
	.trim()
	.min(1, 'Enter your email address.')
	.max(254, 'This email address is too long.')
	.pipe(z.email('Enter an email address like name@example.com.'));

const name = z
	.string()
	.trim()
	.min(1, 'Enter your name.')
	.max(100, 'Use at most 100 characters for your name.');

// Length and commonness are checked by passwordProblem(), which knows the email too.
const newPassword = z.string().max(PASSWORD_MAX * 4, 'Use at most 128 characters.');

export const signUpSchema = z
	.object({
		kind: z.enum(
			['coach', 'client'],
			'Choose whether you are a coach or want to work on yourself.'
		),
		name,
		email,
		// Checked with the other fields, so a form sent empty names every missing field at once
		// (the check against the email address follows in signUp, once the address is known).
		password: newPassword.superRefine((password, ctx) => {
			const problem = passwordProblem(password);
			if (problem) ctx.addIssue({ code: 'custom', message: problem });
		}),
		practiceName: z
			.string()
			.trim()
			.max(120, 'Use at most 120 characters for the practice name.')
			.optional()
	})
	.superRefine((value, ctx) => {
		if (value.kind === 'coach' && !value.practiceName) {
			ctx.addIssue({
				code: 'custom',
				path: ['practiceName'],
				message: 'Name your practice (you can change it later).'
			});
		}
	});

export const logInSchema = z.object({
	email,
	password: z
		.string()
		.min(1, 'Enter your password.')
		.max(PASSWORD_MAX * 4, 'This password is too long.')
});

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z
	.object({ password: newPassword, confirm: z.string() })
	.refine((v) => v.password === v.confirm, {
		path: ['confirm'],
		message: 'The two passwords do not match.'
	});

export const changePasswordSchema = z
	.object({
		current: z.string().min(1, 'Enter your current password.'),
		password: newPassword,
		confirm: z.string()
	})
	.refine((v) => v.password === v.confirm, {
		path: ['confirm'],
		message: 'The two passwords do not match.'
	});

export const practiceNameSchema = z.object({
	name: z.string().trim().min(1, 'Name your practice.').max(120, 'Use at most 120 characters.')
});
