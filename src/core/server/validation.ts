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

export function parseInput<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const fields = issuesOf(schema, r.error);
  throw new AppError('VALIDATION', fields.map((f) => f.message).join('；').slice(0, 300), { fields });
}
