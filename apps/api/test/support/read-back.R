# Runs a generated R syntax file as its user would (source() in the folder that holds the CSV) and
# prints what R made of every column, for syntax-files tests (export-syntax.e2e-spec.ts).
# Base R only, like the syntax file. One line per column, fields separated by a tab, values within a
# field by \x1f: name, class, the attribute "label", the factor's levels, the values as text.
# Usage: Rscript read-back.R <folder of the CSV> <syntax file> <name of the data frame>
args <- commandArgs(trailingOnly = TRUE)
setwd(args[[1]])
env <- new.env()
source(args[[2]], encoding = "UTF-8", local = env)
frame <- get(args[[3]], envir = env)
text <- function(x) ifelse(is.na(x), "<NA>", as.character(x))
for (name in names(frame)) {
  x <- frame[[name]]
  label <- attr(x, "label")
  cat(name, class(x)[[1]], if (is.null(label)) "<none>" else label,
      paste(levels(x), collapse = "\x1f"), paste(text(x), collapse = "\x1f"), sep = "\t")
  cat("\n")
}
