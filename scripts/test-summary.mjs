// Prints the plain closing line CI reads ("vitest: N passed, N failed, N skipped") from vitest's JSON report.
import { readFileSync } from 'node:fs'

const reports = process.argv.slice(2)
let passed = 0
let failed = 0
let skipped = 0
for (const file of reports) {
  const report = JSON.parse(readFileSync(file, 'utf8'))
  passed += report.numPassedTests
  failed += report.numFailedTests
  skipped += report.numPendingTests + report.numTodoTests
}
console.log(`vitest: ${passed} passed, ${failed} failed, ${skipped} skipped`)
if (failed > 0 || passed === 0) process.exit(1)
