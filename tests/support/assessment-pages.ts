import type { Page } from 'playwright-core';

/**
 * Answers the assessment in the browser from its first page to the result, every line "3"
 * (the attention line as it asks), as a person clicking through it would.
 */
export async function takeWholeAssessment(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Start the assessment' }).click();
	for (let n = 1; ; n++) {
		await page.waitForURL(`**/page/${n}`);
		const firsts = await page.locator('fieldset.item input[type=radio][value="1"]').all();
		for (const name of await Promise.all(firsts.map((input) => input.getAttribute('name'))))
			await page.locator(`input[name="${name}"][value="${name === 'ATTN_1' ? 4 : 3}"]`).check();
		const last = page.getByRole('button', { name: 'Save and see my result' });
		if (await last.count()) {
			await last.click();
			await page.waitForURL('**/assessment/*?done=1');
			return;
		}
		await page.getByRole('button', { name: 'Save and continue' }).click();
	}
}
