/**
 * The R script behind `instrument validate` and the practice's structure check, kept as text so
 * it travels inside the server bundle too (a separate .R file is not copied into the build, so the
 * running app could not find it: decision 0032). rscript.ts writes it beside the input CSV.
 */
export const CFA_LAVAAN_R = {
	name: 'cfa-lavaan.R',
	source: String.raw`#!/usr/bin/env Rscript
# Confirmatory factor analysis of the Continuum Assessment with lavaan: nine correlated factors
# (three domains x three scales), each measured by its six items (item 6 rekeyed as 6 - x).
# Usage: Rscript cfa-lavaan.R responses.csv
# Input: a "respondent" column and the 54 item columns FAM_DEP_1 ... TEAM_MUT_6, complete rows
# only (the caller has already chosen the usable rows). Maximum likelihood on the 1-5 answers.
# Prints CSV: kind,name,value  (kind: version, fit or omega).
# Exit status: 2 wrong call, 3 lavaan missing, 4 the model did not converge.

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) {
  write("Usage: Rscript cfa-lavaan.R responses.csv", stderr())
  quit(status = 2)
}
if (!requireNamespace("lavaan", quietly = TRUE)) {
  write("The R package lavaan is not installed.", stderr())
  quit(status = 3)
}

responses <- read.csv(args[[1]], check.names = FALSE, na.strings = "", colClasses = "character")
cells <- as.vector(t(outer(c("FAM", "FRI", "TEAM"), c("DEP", "IND", "MUT"), paste, sep = "_")))
items <- as.vector(sapply(cells, function(cell) paste(cell, 1:6, sep = "_")))
x <- as.data.frame(lapply(responses[items], as.numeric), check.names = FALSE)
reversed <- paste(cells, 6, sep = "_")
x[reversed] <- 6 - x[reversed]

model <- paste(
  sapply(cells, function(cell) sprintf("%s =~ %s", cell, paste(cell, 1:6, sep = "_", collapse = " + "))),
  collapse = "\n"
)
fit <- tryCatch(
  lavaan::cfa(model, data = x, std.lv = TRUE, estimator = "ML"),
  error = function(e) {
    write(paste("lavaan failed:", conditionMessage(e)), stderr())
    quit(status = 4)
  }
)
if (!lavaan::lavInspect(fit, "converged")) {
  write("lavaan did not converge.", stderr())
  quit(status = 4)
}

measures <- lavaan::fitMeasures(fit, c("cfi", "tli", "rmsea", "rmsea.ci.lower", "rmsea.ci.upper", "srmr", "chisq", "df", "ntotal"))
cat("kind,name,value\n")
cat(sprintf("version,lavaan,%s\n", as.character(utils::packageVersion("lavaan"))))
for (name in names(measures)) cat(sprintf("fit,%s,%.6f\n", name, measures[[name]]))

# McDonald's omega per cell from the loadings and residual variances (factor variances fixed at 1).
estimates <- lavaan::parameterEstimates(fit)
for (cell in cells) {
  loadings <- estimates$est[estimates$op == "=~" & estimates$lhs == cell]
  residuals <- estimates$est[estimates$op == "~~" & estimates$lhs == estimates$rhs &
    estimates$lhs %in% paste(cell, 1:6, sep = "_")]
  omega <- sum(loadings)^2 / (sum(loadings)^2 + sum(residuals))
  cat(sprintf("omega,%s,%.6f\n", cell, omega))
}
`
} as const;
