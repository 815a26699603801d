import type { z } from 'zod';
import { PLAN_SCHEMA_VERSION, planDocumentSchema, type PlanDocument } from './plan-document';
import { fail, ok, type Result } from '../util/result';

/**
 * Reading plan documents from outside (a stored revision, a JSON file, a template): checks them
 * against the schema and says what is wrong in words a user can act on.
 */

/** How many problems a message lists before it says how many more there are. */
const PROBLEMS_LISTED = 5;

export function parsePlanDocument(json: unknown): Result<PlanDocument, string> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail('This is not a plan: a plan document is a JSON object with the plan’s fields.');
  }
  const version = (json as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > PLAN_SCHEMA_VERSION) {
    return fail(
      `This plan was written by a newer version of Cross-Sell Planner (plan format ${version}; this version reads format ${PLAN_SCHEMA_VERSION}). Update the app to use it.`,
    );
  }
  if (typeof version === 'number' && version < PLAN_SCHEMA_VERSION) {
    return fail(
      `This plan uses plan format ${version}, which this version of Cross-Sell Planner does not read (it reads format ${PLAN_SCHEMA_VERSION}).`,
    );
  }
  const parsed = planDocumentSchema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues;
  const listed = issues.slice(0, PROBLEMS_LISTED).map((issue) => `- ${describeIssue(issue, json)}`);
  if (issues.length > PROBLEMS_LISTED) listed.push(`- and ${issues.length - PROBLEMS_LISTED} more`);
  return fail(
    `This plan document has ${issues.length === 1 ? 'a problem' : `${issues.length} problems`}:\n${listed.join('\n')}`,
  );
}

/** Parses JSON text and checks it as a plan document. */
export function parsePlanJson(text: string): Result<PlanDocument, string> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail(`This is not JSON, so it cannot be a plan: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parsePlanDocument(json);
}

/** The document as stored in the workspace: compact, fields in the schema's order. */
export const storedPlanJson = (document: PlanDocument): string => JSON.stringify(document);

/** The document as written to a file: indented for people to read and edit, ending in a newline. */
export const exportedPlanJson = (document: PlanDocument): string => `${JSON.stringify(document, null, 2)}\n`;

type Issue = z.core.$ZodIssue;

function describeIssue(issue: Issue, json: unknown): string {
  const where = fieldPath(issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const found = valueAt(json, issue.path);
      if (found === undefined) return `${where} is missing`;
      return `${where} should be ${kindName(issue.expected)}, not ${describeValue(found)}`;
    }
    case 'unrecognized_keys':
      return `${where} has ${issue.keys.length === 1 ? 'a field' : 'fields'} the plan format does not know: ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `${where} should be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, not ${describeValue(valueAt(json, issue.path))}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `${where} is too long: at most ${issue.maximum} characters`
        : issue.origin === 'array'
          ? `${where} has too many entries: at most ${issue.maximum}`
          : `${where} should be at most ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1
        ? `${where} must not be empty`
        : issue.origin === 'string'
          ? `${where} is too short: at least ${issue.minimum} characters`
          : `${where} should be at least ${issue.minimum}`;
    case 'invalid_format':
      return `${where} should be ${issue.message}`;
    default:
      return `${where}: ${issue.message}`;
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the plan';
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let value = json;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

const KIND_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};
const kindName = (expected: string) => KIND_NAMES[expected] ?? expected;

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 40 ? `the text "${value.slice(0, 40)}…"` : `the text "${value}"`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}
