# Start an export, wait for it, and read it, with a personal API token (docs/api-tokens.md).
#
# Needs the packages httr2 and jsonlite (install.packages(c("httr2", "jsonlite"))). Settings come from
# the environment, never from the script or a URL (see export.py for the list):
#   Sys.setenv(OUTCOMES_API = "https://outcomes.example.dk", OUTCOMES_TOKEN = "otk_...", OUTCOMES_PROJECT_ID = "...")
library(httr2)

base <- sub("/+$", "", Sys.getenv("OUTCOMES_API", "http://localhost:3000"))
token <- Sys.getenv("OUTCOMES_TOKEN")
project_id <- Sys.getenv("OUTCOMES_PROJECT_ID")
dataset <- Sys.getenv("OUTCOMES_DATASET", "enrolments")
out <- Sys.getenv("OUTCOMES_OUT", "export.csv")
if (token == "" || project_id == "") stop("set OUTCOMES_TOKEN and OUTCOMES_PROJECT_ID")

# One request with the token in the Authorization header; an error answer stops with its code and message.
api <- function(path) {
  request(paste0(base, path)) |>
    req_auth_bearer_token(token) |>
    req_error(body = function(resp) {
      answer <- resp_body_json(resp)
      paste(resp_status(resp), answer$code, answer$message)
    })
}

# 1. Start the export (a job that runs on the server).
job <- api("/api/export-jobs") |>
  req_body_json(list(projectId = project_id, dataset = dataset, format = "csv")) |>
  req_perform() |>
  resp_body_json()

# 2. Wait for it: poll its status every 2 seconds, for at most 10 minutes.
deadline <- Sys.time() + 600
while (job$status %in% c("queued", "running")) {
  if (Sys.time() > deadline) stop(sprintf("export %s still %s after 10 minutes", job$id, job$status))
  Sys.sleep(2)
  job <- api(paste0("/api/export-jobs/", job$id)) |> req_perform() |> resp_body_json()
}
if (job$status != "done") stop(sprintf("export %s ended %s", job$id, job$status))

# 3. Download it, keep a copy, and read it (UTF-8 with a byte-order mark, for Excel).
# invisible(): at the top level of Rscript the response would otherwise be printed (found when the test suite first ran it).
api(paste0("/api/export-jobs/", job$id, "/download")) |> req_perform(path = out) |> invisible()
data <- read.csv(out, fileEncoding = "UTF-8-BOM", check.names = FALSE)
cat(jsonlite::toJSON(list(jobId = job$id, columns = names(data), rows = nrow(data)), auto_unbox = TRUE), "\n")
