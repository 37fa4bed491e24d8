import { instrumentItems } from '../../content/instrument/instrument.ts';
import { csvLine } from '../../domain/csv/csv.ts';

/** `instrument items`: the 54 scored items, without loading any scoring code. */
export function itemsCsv(): string {
	let text = csvLine(['id', 'domain', 'scale', 'reversed', 'text']);
	for (const item of instrumentItems) {
		text += csvLine([item.id, item.domain, item.scale, String(item.reversed), item.text]);
	}
	return text;
}
