/** The help texts of `midpoint instrument`, and how many files each subcommand reads. */
export const help = {
	instrument: `Usage: midpoint instrument <command> [options]

Work with the Continuum Assessment (instrument v1) from the command line.

Commands:
  items                 print every item as CSV: id,domain,scale,reversed,text
  score FILE.csv        score each respondent in a responses file
  reliability FILE.csv  Cronbach's alpha for each of the nine cells
  change BEFORE.csv AFTER.csv
                        reliable change per person between two sittings
  validate FILE.csv     the nine-factor structure checked with R's lavaan
  norms                 print the simulation-derived default norms (TypeScript source)

Run "midpoint instrument <command> --help" for details.
`,
	items: `Usage: midpoint instrument items

Prints the 54 scored items as CSV with the columns id,domain,scale,reversed,text.
"reversed" is true for item 6 of each cell, which is scored as 6 minus the answer.
`,
	score: `Usage: midpoint instrument score FILE.csv

FILE.csv has a "respondent" column and one column per item id (FAM_DEP_1 … TEAM_MUT_6),
holding raw answers 1–5, empty when skipped. ATTN_1 is optional; when the column is there,
a blank or wrong answer to it is flagged.

Prints CSV: respondent,P_FAM,P_FRI,P_TEAM,P,B_FAM,B_FRI,B_TEAM,B,flags
Positions run from -100 (independent) to +100 (dependent); balances from 0 to 100. Numbers
have 2 decimals and are empty when a part could not be scored; flags are joined with ";".
`,
	reliability: `Usage: midpoint instrument reliability FILE.csv

Reads a responses file (see "midpoint instrument score --help") and prints CSV cell,n,alpha
for the nine cells FAM_DEP … TEAM_MUT: Cronbach's alpha over the people who answered all six
items of the cell (item 6 rekeyed first), with 10 decimals. Alpha is empty below 2 people.
`,
	change: `Usage: midpoint instrument change BEFORE.csv AFTER.csv [--matched-only]

Scores both responses files (see "midpoint instrument score --help") with the app's default
norms and pairs people by the "respondent" column. Prints CSV:
  respondent,P_before,P_after,difference,SEM_before,SEM_after,RCI,verdict
RCI = difference / sqrt(SEM_before^2 + SEM_after^2). The verdict is the one the app shows:
  reliable      |RCI| > 1.96   ("a real change")
  likely        |RCI| > 1.645  ("probably a real change")
  within-noise  otherwise      ("within the noise")
  not-scored    a sitting has no overall position
Both files must have the same item columns, and each respondent must appear once in each file.
--matched-only compares just the people present in both files instead of refusing the pair.
Exit codes: 0 done, 1 a file cannot be read or has bad rows, 2 the two files do not pair up.
`,
	validate: `Usage: midpoint instrument validate FILE.csv

Fits the confirmatory factor model of the assessment to a responses file (see "midpoint
instrument score --help"): nine correlated factors, one per cell (three domains x three
scales), each measured by its six items, item 6 rekeyed. Uses R with the lavaan package
(Debian: apt-get install r-base-core r-cran-lavaan), maximum likelihood.
Usable rows have all 54 items answered and no quality flag; at least 200 are needed, and no
item may have the same answer in every usable row.
Prints CFI, TLI, RMSEA (with its 90% interval), SRMR and chi-square, then per cell Cronbach's
alpha, McDonald's omega (from the fitted loadings) and the six item-total correlations.
Exit codes: 0 done, 1 the file cannot be used or R/lavaan is missing, 2 called wrongly.
`,
	norms: `Usage: midpoint instrument norms

Runs the seeded simulation behind the default norms and prints the TypeScript source of
src/lib/domain/scoring/default-norms.ts, so the file can be regenerated.
`
} as const;

export type Subcommand = keyof typeof help;
export const operandCount: Record<Subcommand, number> = {
	instrument: 0,
	items: 0,
	norms: 0,
	score: 1,
	reliability: 1,
	change: 2,
	validate: 1
};
