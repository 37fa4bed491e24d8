import { goto } from '$app/navigation';
import type { SubmitFunction } from '@sveltejs/kit';

/**
 * With JavaScript, the builder's small forms (move up, move down) work without a reload: the page
 * updates where it is, and focus stays on the step that moved, on the same button, or on the
 * other one when that one has just become disabled (the step reached the top or the bottom).
 * Without JavaScript the same forms post and land back on the step (`#step-…`).
 */
export const keepPlace: SubmitFunction = ({ formData, submitter }) => {
	const stepId = String(formData.get('stepId') ?? '');
	const pressed = submitter?.getAttribute('value') ?? '';
	return async ({ result, update }) => {
		if (result.type !== 'redirect') return update();
		await goto(result.location, { noScroll: true, keepFocus: true, invalidateAll: true });
		const step = document.getElementById(`step-${stepId}`);
		const buttons = [...(step?.querySelectorAll<HTMLButtonElement>('button[name="by"]') ?? [])];
		const same = buttons.find((b) => b.value === pressed && !b.disabled);
		(same ?? buttons.find((b) => !b.disabled))?.focus();
	};
};
