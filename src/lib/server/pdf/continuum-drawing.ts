import { colours, fonts } from './pdf-style.ts';

/**
 * The continuum as vectors, matching Continuum.svelte: a line from the independent pole (-100)
 * through the marked midpoint to the dependent pole (+100), the 90% band as a soft rounded bar,
 * a large overall dot and smaller labelled domain dots.
 */
export interface ContinuumDot {
	value: number;
	label: string;
	primary?: boolean;
}

interface Area {
	x: number;
	y: number;
	width: number;
}

type Band = { low: number; high: number } | null;

const clamp = (v: number) => Math.max(-100, Math.min(100, v));
const scaleX = (area: Area, inset: number, value: number) =>
	area.x + inset + ((clamp(value) + 100) / 200) * (area.width - 2 * inset);

const INSET = 34;
const AXIS_OFFSET = 50;
const LABEL_GAP = 16;
const ROW_HEIGHT = 13;

function drawBand(doc: PDFKit.PDFDocument, left: number, right: number, axisY: number, h: number) {
	const width = Math.max(2, right - left);
	doc
		.save()
		.fillOpacity(0.18)
		.roundedRect(left, axisY - h / 2, width, h, h / 2)
		.fill(colours.accent);
	doc.restore();
}

/** Domain dots on the same whole-number spot share one label ("Family, Work team"). */
function mergeLabels(dots: ContinuumDot[]): ContinuumDot[] {
	const merged: ContinuumDot[] = [];
	for (const dot of dots) {
		const same = merged.find(
			(m) => !m.primary && !dot.primary && Math.round(m.value) === Math.round(dot.value)
		);
		if (same) same.label = `${same.label}, ${dot.label}`;
		else merged.push({ ...dot });
	}
	return merged;
}

/** Puts each label in the first row where it does not overlap a neighbour, overall first. */
function placeLabels(doc: PDFKit.PDFDocument, area: Area, dots: ContinuumDot[]) {
	const rows: { left: number; right: number }[][] = [];
	return mergeLabels(dots).map((dot) => {
		doc.font(dot.primary ? fonts.uiBold : fonts.ui).fontSize(9);
		const width = doc.widthOfString(dot.label);
		const centre = scaleX(area, INSET, dot.value);
		const left = Math.max(
			area.x + 4,
			Math.min(centre - width / 2, area.x + area.width - width - 4)
		);
		const right = left + width;
		let row = rows.findIndex((spans) =>
			spans.every((span) => left > span.right + 8 || right < span.left - 8)
		);
		if (row === -1) row = rows.push([]) - 1;
		rows[row]!.push({ left, right });
		return { dot, centre, left, width, row };
	});
}

/** Draws the full continuum in a soft panel at the given place; returns the height used. */
export function drawContinuum(
	doc: PDFKit.PDFDocument,
	area: Area,
	dots: ContinuumDot[],
	band: Band
): number {
	const labels = placeLabels(doc, area, dots);
	const rowCount = Math.max(1, ...labels.map((l) => l.row + 1));
	const height = AXIS_OFFSET + LABEL_GAP + rowCount * ROW_HEIGHT + 10;
	const axisY = area.y + AXIS_OFFSET;
	const left = area.x + INSET;
	const right = area.x + area.width - INSET;
	const mid = (left + right) / 2;

	doc.save();
	doc.roundedRect(area.x, area.y, area.width, height, 8).fillAndStroke(colours.paper, colours.line);
	doc.font(fonts.ui).fontSize(9.5).fillColor(colours.muted);
	doc.text('Independent', left - 10, area.y + 16, { lineBreak: false });
	doc.text('Dependent', right + 10 - doc.widthOfString('Dependent'), area.y + 16, {
		lineBreak: false
	});
	doc.font(fonts.uiBold).fillColor(colours.accent);
	doc.text('Interdependent', mid - doc.widthOfString('Interdependent') / 2, area.y + 16, {
		lineBreak: false
	});

	doc.lineCap('round').lineWidth(1.5).moveTo(left, axisY).lineTo(right, axisY).stroke(colours.ink);
	doc.lineCap('butt').lineWidth(1.5).strokeColor(colours.lineStrong);
	for (const x of [left, right])
		doc
			.moveTo(x, axisY - 6)
			.lineTo(x, axisY + 6)
			.stroke();
	if (band) drawBand(doc, scaleX(area, INSET, band.low), scaleX(area, INSET, band.high), axisY, 11);
	doc
		.lineCap('round')
		.lineWidth(3)
		.moveTo(mid, axisY - 12)
		.lineTo(mid, axisY + 12);
	doc.stroke(colours.accent);

	// Domain dots first so the overall dot sits on top when they coincide.
	for (const dot of [...dots].sort((a, b) => Number(!!a.primary) - Number(!!b.primary))) {
		doc.lineWidth(1.5).circle(scaleX(area, INSET, dot.value), axisY, dot.primary ? 7 : 4.5);
		doc.fillAndStroke(dot.primary ? colours.accent : colours.ink, colours.paper);
	}
	for (const label of labels) {
		const labelY = axisY + LABEL_GAP + label.row * ROW_HEIGHT;
		const crossesLabel = labels.some(
			(other) =>
				other.row < label.row &&
				label.centre > other.left - 2 &&
				label.centre < other.left + other.width + 2
		);
		if (label.row > 0 && !crossesLabel) {
			// A faint leader ties a label pushed to a lower row back to its dot, unless it would
			// strike through another label.
			doc
				.lineWidth(0.5)
				.moveTo(label.centre, axisY + 8)
				.lineTo(label.centre, labelY - 2);
			doc.stroke(colours.line);
		}
		doc.font(label.dot.primary ? fonts.uiBold : fonts.ui).fontSize(9);
		doc.fillColor(label.dot.primary ? colours.accent : colours.ink);
		doc.text(label.dot.label, label.left, labelY, { lineBreak: false });
	}
	doc.restore();
	return height;
}

/** A small continuum for one domain: line, midpoint, band and a single dot, no labels. */
export function drawMiniContinuum(
	doc: PDFKit.PDFDocument,
	area: Area,
	value: number,
	band: Band
): void {
	const axisY = area.y;
	const left = area.x;
	const right = area.x + area.width;
	const mid = (left + right) / 2;
	doc.save();
	doc.lineCap('round').lineWidth(1).moveTo(left, axisY).lineTo(right, axisY).stroke(colours.ink);
	if (band) drawBand(doc, scaleX(area, 0, band.low), scaleX(area, 0, band.high), axisY, 8);
	doc
		.lineWidth(2)
		.moveTo(mid, axisY - 7)
		.lineTo(mid, axisY + 7)
		.stroke(colours.accent);
	doc.lineWidth(1).circle(scaleX(area, 0, value), axisY, 3.5);
	doc.fillAndStroke(colours.ink, colours.paper);
	doc.restore();
}
