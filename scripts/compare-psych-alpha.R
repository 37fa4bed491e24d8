#!/usr/bin/env Rscript
# Cronbach's alpha per cell of the Continuum Assessment with psych::alpha, as an independent
# check of `midpoint instrument reliability`.
# Usage: Rscript scripts/compare-psych-alpha.R responses.csv
# Input: a "respondent" column and one column per item id (FAM_DEP_1 ... TEAM_MUT_6), raw 1-5,
# empty when skipped. Item 6 of each cell is rekeyed as 6 - x; each cell uses the people who
# answered all six of its items (listwise), as the CLI does. Prints CSV: cell,alpha.

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) {
  write("Usage: Rscript scripts/compare-psych-alpha.R responses.csv", stderr())
  quit(status = 2)
}
if (!requireNamespace("psych", quietly = TRUE)) {
  write("The R package psych is not installed.", stderr())
  quit(status = 3)
}

responses <- read.csv(args[[1]], check.names = FALSE, na.strings = "", colClasses = "character")
cells <- as.vector(t(outer(c("FAM", "FRI", "TEAM"), c("DEP", "IND", "MUT"), paste, sep = "_")))

cat("cell,alpha\n")
for (cell in cells) {
  ids <- paste(cell, 1:6, sep = "_")
  missing <- setdiff(ids, names(responses))
  if (length(missing) > 0) {
    cat(sprintf("%s,\n", cell))
    next
  }
  x <- sapply(ids, function(id) as.numeric(responses[[id]]))
  x[, 6] <- 6 - x[, 6]
  x <- x[stats::complete.cases(x), , drop = FALSE]
  if (nrow(x) < 2) {
    cat(sprintf("%s,\n", cell))
    next
  }
  alpha <- suppressWarnings(suppressMessages(psych::alpha(as.data.frame(x), check.keys = FALSE)))
  cat(sprintf("%s,%.12f\n", cell, alpha$total$raw_alpha))
}
