// Appends one line of counts per Jest run to .test-results/summary.jsonl; tools/run-tests.mjs
// adds them up into the closing "N passed, N failed" line that CI reads, and names the failed tests
// beside it (CI keeps only the end of a long run's output: a failure deep in it would go unnamed).
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
      failures: failuresOf(results, path.join(__dirname, '..')),
    };
    fs.appendFileSync(path.join(dir, 'summary.jsonl'), `${JSON.stringify(line)}\n`);
  }
}

/** Each failed test (or suite that failed to run) as its file, its name and the start of its message. */
function failuresOf(results, root) {
  // The message's first three lines (an expectation's matcher, expected and received), on one line.
  const firstLine = (text) => (text ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((l) => l.trim()).filter((l) => l !== '').slice(0, 3).join(' | ').slice(0, 400);
  return results.testResults.flatMap((file) => {
    const where = path.relative(root, file.testFilePath);
    if (file.testExecError) return [{ file: where, test: '(the file did not run)', message: firstLine(file.testExecError.message) }];
    return file.testResults.filter((t) => t.status === 'failed').map((t) => ({ file: where, test: t.fullName, message: firstLine(t.failureMessages[0]) }));
  });
}

module.exports = SummaryReporter;
