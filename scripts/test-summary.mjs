// Prints one closing line for the whole `npm test` run from the Vitest JSON reports of the unit and
// browser layers, so a reader (or CI) sees the total without scrolling through both.
import { readFile } from 'node:fs/promises';

const REPORTS = ['.test-results/unit.json', '.test-results/e2e.json'];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of REPORTS) {
  const report = JSON.parse(await readFile(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
