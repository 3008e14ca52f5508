// Appends one line of counts per Jest run to .test-results/summary.jsonl; tools/run-tests.mjs
// adds them up into the closing "N passed, N failed" line that CI reads.
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const dir = path.join(__dirname, '..', '.test-results');
    fs.mkdirSync(dir, { recursive: true });
    const line = {
      suite: path.relative(path.join(__dirname, '..'), this.rootDir) || '.',
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    fs.appendFileSync(path.join(dir, 'summary.jsonl'), `${JSON.stringify(line)}\n`);
  }
}

module.exports = SummaryReporter;
