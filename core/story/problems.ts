/**
 * The shape every pack check reports in, and the translation of Zod issues into it,
 * so a pack author reads one format whether a file is malformed or merely wrong.
 */
import type { core } from 'zod/mini';

export interface PackProblem {
  /** 'story.json' | 'entities.json' | 'facts.json' | the article's file name. */
  file: string;
  /** JSON path into that file, such as `$[3].citation.quote`. */
  path: string;
  message: string;
}

/** A problem not yet tied to a file: checks know paths, the caller knows the file. */
export interface PathProblem {
  path: string;
  message: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function jsonPath(segments: readonly PropertyKey[], root = '$'): string {
  let out = root;
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

function valueAt(root: unknown, segments: readonly PropertyKey[]): unknown {
  let value = root;
  for (const segment of segments) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function got(value: unknown): string {
  if (value === null) return 'got null';
  return `got ${Array.isArray(value) ? 'array' : typeof value} ${show(value)}`;
}

function count(n: number | bigint, origin: string): string {
  const noun = origin === 'array' ? 'item' : 'character';
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * zod/mini ships without English messages (its default is "Invalid input"), so the
 * message is built from the issue's data and the offending value in the raw file.
 */
function describe(issue: core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined
        ? `required field is missing (expected ${issue.expected})`
        : `expected ${issue.expected}, ${got(value)}`;
    case 'invalid_value':
      return `${show(value)} is not one of ${issue.values.map((v) => show(v)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `needs at least ${count(issue.minimum, issue.origin)}`
        : `must be at least ${issue.minimum}, ${got(value)}`;
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `allows at most ${count(issue.maximum, issue.origin)}`
        : `must be at most ${issue.maximum}, ${got(value)}`;
    case 'invalid_format':
      // Schemas give their own wording here (the slug rule); keep it when present.
      return issue.message !== 'Invalid input'
        ? `${show(value)}: ${issue.message}`
        : `${show(value)} is not a valid ${issue.format}${issue.pattern ? ` (${issue.pattern})` : ''}`;
    default:
      return issue.message;
  }
}

export function zodProblems(
  file: string,
  raw: unknown,
  error: { issues: readonly core.$ZodIssue[] },
): PackProblem[] {
  return error.issues.flatMap((issue): PackProblem[] => {
    // Zod reports unknown keys on their parent object; point at each key instead.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file,
        path: jsonPath([...issue.path, key]),
        message: `unknown field "${key}" (not in the schema)`,
      }));
    }
    return [{ file, path: jsonPath(issue.path), message: describe(issue, valueAt(raw, issue.path)) }];
  });
}

export function inFile(file: string, problems: PathProblem[]): PackProblem[] {
  return problems.map((p) => ({ file, ...p }));
}
