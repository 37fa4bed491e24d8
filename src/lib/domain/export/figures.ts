/**
 * A score as every download writes it (the data export's JSON and CSV, a round's files, the
 * practice export): to two decimals. Pages round to whole points; files keep enough for analysis
 * without figures like 34.722222222222214, and the answers they come from are in the same files.
 */
export function figure(value: number): number;
export function figure(value: number | null | undefined): number | null;
export function figure(value: number | null | undefined): number | null {
	return value == null ? null : Math.round(value * 100) / 100;
}
