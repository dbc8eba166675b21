/**
 * `npm run lint:firefox`: lints the Firefox build as addons.mozilla.org does
 * (`web-ext lint`), and fails on any error or warning not known and accepted
 * (tooling/addon-lint-findings.ts).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeFinding, newFindings, type LintReport } from '../tooling/addon-lint-findings';

const root = fileURLToPath(new URL('..', import.meta.url));
const sourceDir = path.join(root, '.output/firefox-mv3');
const webExt = path.join(root, 'node_modules/.bin/web-ext');

function main(): number {
  const run = spawnSync(webExt, ['lint', '--source-dir', sourceDir, '--self-hosted', '--output', 'json', '--no-config-discovery'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  let report: LintReport;
  try {
    report = JSON.parse(run.stdout) as LintReport;
  } catch {
    process.stderr.write(`lint-firefox: web-ext lint gave no report (exit ${run.status}); is ${sourceDir} built?\n${run.stderr}`);
    return 2;
  }
  const found = newFindings(report);
  const all = report.errors.length + report.warnings.length;
  for (const finding of found) process.stderr.write(`${describeFinding(finding)}\n`);
  if (found.length > 0) {
    process.stderr.write(`lint-firefox: ${found.length} new of ${all} errors and warnings (accepted ones: tooling/addon-lint-findings.ts)\n`);
    return 1;
  }
  process.stdout.write(`lint-firefox: ${report.errors.length} errors, ${report.warnings.length} warnings, all known and accepted; ${report.notices.length} notices\n`);
  return 0;
}

process.exitCode = main();
