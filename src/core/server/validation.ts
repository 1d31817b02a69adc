/**
 * Validation errors name the field in Chinese: each issue's path is resolved to the `title` the schema
 * declares with `.meta({ title })`, and zod's messages come from its zh-CN locale.
 */
import { z } from 'zod';
import { AppError, type FieldIssue } from '../shared/errors';

z.config(z.locales.zhCN());

function titleAt(schema: z.ZodType, path: PropertyKey[]): string | null {
  let s: unknown = schema;
  let title: string | null = null;
  for (const key of path) {
    s = unwrap(s);
    if (s instanceof z.ZodObject) s = s.shape[key as string];
    else if (s instanceof z.ZodArray) s = s.element;
    else return title;
    const t = s ? (z.globalRegistry.get(s as z.ZodType)?.title as string | undefined) ?? (unwrapTitle(s)) : undefined;
    if (t) title = t;
  }
  return title;
}

function unwrap(s: unknown): unknown {
  let cur = s;
  for (let i = 0; i < 5; i++) {
    if (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable || cur instanceof z.ZodDefault) cur = (cur as z.ZodOptional).unwrap();
    else if (cur instanceof z.ZodPipe) cur = (cur as z.ZodPipe).in;
    else break;
  }
  return cur;
}
function unwrapTitle(s: unknown): string | undefined {
  const u = unwrap(s);
  return u ? (z.globalRegistry.get(u as z.ZodType)?.title as string | undefined) : undefined;
}

export function issuesOf(schema: z.ZodType, error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => {
    const title = titleAt(schema, i.path);
    const path = i.path.join('.');
    return { path, message: title ? `${title}：${i.message}` : path ? `${path}：${i.message}` : i.message };
  });
}

/**
 * C0 control characters other than tab and line breaks, and DEL. NUL cannot be stored in a PostgreSQL
 * text column at all (the insert fails), and the rest are never typed by a person: they come from
 * pasted terminal output or a probe. Refused for every string of every input, before the schema runs.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function controlCharPath(data: unknown, path: PropertyKey[] = [], depth = 0): PropertyKey[] | null {
  if (typeof data === 'string') return CONTROL.test(data) ? path : null;
  if (depth > 20 || data === null || typeof data !== 'object') return null;
  for (const [k, v] of Object.entries(data)) {
    if (CONTROL.test(k)) return [...path, k];
    const found = controlCharPath(v, [...path, Array.isArray(data) ? Number(k) : k], depth + 1);
    if (found) return found;
  }
  return null;
}

/** The field issue for the first string holding a control character, or null. */
export function controlCharIssue(schema: z.ZodType, data: unknown): FieldIssue | null {
  const at = controlCharPath(data);
  if (!at) return null;
  const title = titleAt(schema, at) ?? (at.length ? at.join('.') : null);
  const message = '含有不允许的控制字符（如空字符），请删除后重新输入';
  return { path: at.join('.'), message: title ? `${title}：${message}` : `输入${message}` };
}

/** Validates as the routes do: control characters first, then the schema, messages in Chinese. */
export function validate<T extends z.ZodType>(schema: T, data: unknown): { value: z.infer<T> } | { error: AppError } {
  const bad = controlCharIssue(schema, data);
  if (bad) return { error: new AppError('VALIDATION', bad.message, { fields: [bad] }) };
  const r = schema.safeParse(data);
  if (r.success) return { value: r.data };
  const fields = issuesOf(schema, r.error);
  return { error: new AppError('VALIDATION', fields.map((f) => f.message).join('；').slice(0, 300), { fields }) };
}

export function parseInput<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> {
  const r = validate(schema, data);
  if ('error' in r) throw r.error;
  return r.value;
}
