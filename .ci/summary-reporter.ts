// Prints one plain closing line ("N passed, N failed, N skipped") that any CI log reader understands.
// A file that crashed before its tests ran, or an unhandled error, counts as a failure.
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = errors.length;
    let skipped = 0;
    for (const mod of modules) {
      const tests = [...mod.children.allTests()];
      if (!mod.ok() && tests.every((t) => t.result().state !== 'failed')) failed++;
      for (const test of tests) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    console.log(`\nunit: ${passed} passed, ${failed} failed, ${skipped} skipped`);
    if (passed + failed === 0) {
      console.log('unit: no test ran');
      process.exitCode = 1;
    }
  }
}
