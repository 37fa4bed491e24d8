import type { SubmitFunction } from '@sveltejs/kit';

/**
 * Progressive enhancement for forms: submit without a reload, keep what was typed on a
 * validation error, and move focus to the first field with an error (or the alert).
 */
export const keepAndFocus: SubmitFunction = () => {
	return async ({ update, result }) => {
		await update({ reset: result.type === 'success', invalidateAll: true });
		if (result.type === 'failure') {
			const target =
				document.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"]') ??
				document.querySelector<HTMLElement>('.alert.error');
			if (target) {
				if (!target.matches('input, select, textarea, button'))
					target.setAttribute('tabindex', '-1');
				target.focus();
			}
		}
	};
};
