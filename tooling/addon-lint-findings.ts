/**
 * What `web-ext lint` reports about the Firefox build, told apart into what
 * we know and accept and what is new. AMO's reviewers read every warning; a
 * new one (a dynamic import, an eval, a remote script) should stop the build
 * here rather than surprise us at review.
 */

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

export interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

interface KnownFinding {
  code: string;
  message: string;
  /** The built files it may come from. */
  file: RegExp;
  why: string;
}

/**
 * React DOM sets innerHTML for `dangerouslySetInnerHTML`, which Backstory never
 * uses: the linter sees the assignment in every bundle holding React DOM. The
 * linter cannot tell the address a dynamic import is given.
 */
export const KNOWN_FINDINGS: readonly KnownFinding[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    message: 'Unsafe assignment to innerHTML',
    file: /^(content-scripts\/card\.js|chunks\/popup-[\w-]+\.js)$/,
    why: 'React DOM (dangerouslySetInnerHTML, unused)',
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    message: 'Unsafe call to import for argument 0',
    file: /^story\.js$/,
    why: "a top frame imports the extension's own annotator (runtime.getURL), never a remote script (extension/request-annotator.ts)",
  },
];

function isKnown(finding: LintMessage): boolean {
  return KNOWN_FINDINGS.some((known) => known.code === finding.code && known.message === finding.message && known.file.test(finding.file ?? ''));
}

/** The errors and warnings nobody accepted; notices are advice and never fail the build. */
export function newFindings(report: LintReport): LintMessage[] {
  return [...report.errors, ...report.warnings].filter((finding) => !isKnown(finding));
}

export function describeFinding(finding: LintMessage): string {
  return `${finding.file ?? '(manifest)'}: ${finding.code} ${finding.message}`;
}
