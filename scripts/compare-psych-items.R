#!/usr/bin/env Rscript
# Cronbach's alpha per cell and each item's corrected item-total correlation (r.drop) with
# psych::alpha, as an independent check of the instrument page's statistics (the rater form's
# included). Usage: Rscript scripts/compare-psych-items.R responses.csv
# Input as compare-psych-alpha.R: a "respondent" column and one column per item id, raw 1-5,
# empty when skipped; item 6 of each cell is rekeyed as 6 - x; listwise per cell.
# Prints CSV: key,value where key is a cell (its alpha) or an item id (its r.drop). Cells with
# fewer than two complete rows are left out.

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) {
  write("Usage: Rscript scripts/compare-psych-items.R responses.csv", stderr())
  quit(status = 2)
}
if (!requireNamespace("psych", quietly = TRUE)) {
  write("The R package psych is not installed.", stderr())
  quit(status = 3)
}

responses <- read.csv(args[[1]], check.names = FALSE, na.strings = "", colClasses = "character")
cells <- as.vector(t(outer(c("FAM", "FRI", "TEAM"), c("DEP", "IND", "MUT"), paste, sep = "_")))

cat("key,value\n")
for (cell in cells) {
  ids <- paste(cell, 1:6, sep = "_")
  if (length(setdiff(ids, names(responses))) > 0) next
  x <- sapply(ids, function(id) as.numeric(responses[[id]]))
  x[, 6] <- 6 - x[, 6]
  x <- x[stats::complete.cases(x), , drop = FALSE]
  if (nrow(x) < 2) next
  alpha <- suppressWarnings(suppressMessages(psych::alpha(as.data.frame(x), check.keys = FALSE)))
  cat(sprintf("%s,%.12f\n", cell, alpha$total$raw_alpha))
  for (i in seq_along(ids)) cat(sprintf("%s,%.12f\n", ids[[i]], alpha$item.stats$r.drop[[i]]))
}
