/**
 * The kernel's face (DESIGN §4.9), checked by reading the source, not by a linter:
 *   (a) a domain imports the kernel's server side only through src/core/server/index.ts, its tests
 *       included (the factories of src/core/server/testing.ts are on the face)
 *       (src/core/shared/* and src/core/web/* it may import directly);
 *   (b) a domain imports another domain only through that domain's public*.ts;
 *   (c) no domain's source names a table another domain owns (declared in its defineDomain `tables`),
 *       neither a drizzle table object nor a table in SQL text; the kernel's tables are shared;
 *   and src/core has no import cycles.
 * Each failure names the file and line.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { loadDomains } from '../src/app/server/domains';

const ROOT = resolve(import.meta.dirname, '..');
const DOMAINS = join(ROOT, 'src/domains');
const CORE = join(ROOT, 'src/core');
const CORE_SERVER = join(CORE, 'server');
const FACE = join(CORE_SERVER, 'index.ts');

const rel = (f: string) => relative(ROOT, f).split(sep).join('/');

function sourceFiles(dir: string, withTests = true): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p, withTests));
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') && (withTests || !/\.test\.tsx?$/.test(e.name))) out.push(p);
  }
  return out;
}

const parsed = new Map<string, ts.SourceFile>();
function parse(file: string) {
  let sf = parsed.get(file);
  if (!sf) {
    sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    parsed.set(file, sf);
  }
  return sf;
}
const lineOf = (sf: ts.SourceFile, pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1;

/** A relative module specifier resolved to a file (or, when no file matches, the bare path). */
function resolveSpec(from: string, spec: string): string {
  const base = resolve(dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(c) && !c.endsWith(sep) && /\.tsx?$/.test(c)) return c;
  }
  return base;
}

type ModuleRef = {
  spec: string; target: string; line: number; typeOnly: boolean;
  /** Names imported (original export names); '*' for a namespace import or a dynamic import. */
  names: string[];
};

/** Every module a file refers to: static imports, export … from, import() calls and import('…') types. */
function moduleRefs(file: string): ModuleRef[] {
  const sf = parse(file);
  const refs: ModuleRef[] = [];
  const add = (lit: ts.StringLiteral, typeOnly: boolean, names: string[]) => {
    if (!lit.text.startsWith('.')) return;
    refs.push({ spec: lit.text, target: resolveSpec(file, lit.text), line: lineOf(sf, lit.getStart(sf)), typeOnly, names });
  };
  const visit = (n: ts.Node) => {
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) {
      const cl = n.importClause;
      const names: string[] = [];
      if (cl?.name) names.push('default');
      if (cl?.namedBindings) {
        if (ts.isNamespaceImport(cl.namedBindings)) names.push('*');
        else for (const el of cl.namedBindings.elements) names.push((el.propertyName ?? el.name).text);
      }
      add(n.moduleSpecifier, !!cl?.isTypeOnly, names);
    } else if (ts.isExportDeclaration(n) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      const names = n.exportClause && ts.isNamedExports(n.exportClause) ? n.exportClause.elements.map((el) => (el.propertyName ?? el.name).text) : ['*'];
      add(n.moduleSpecifier, n.isTypeOnly, names);
    } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments[0] && ts.isStringLiteral(n.arguments[0])) {
      add(n.arguments[0], false, ['*']);
    } else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument) && ts.isStringLiteral(n.argument.literal)) {
      add(n.argument.literal, true, ['*']);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return refs;
}

const domainOf = (file: string) => {
  const r = relative(DOMAINS, file);
  return r.startsWith('..') ? null : r.split(sep)[0];
};
const domainNames = readdirSync(DOMAINS, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const domainFiles = sourceFiles(DOMAINS);

describe('the kernel\'s face', () => {
  it('(a) domains import core/server only through core/server/index.ts', () => {
    const bad: string[] = [];
    for (const f of domainFiles) {
      for (const r of moduleRefs(f)) {
        const inServer = r.target === CORE_SERVER || r.target.startsWith(CORE_SERVER + sep);
        if (inServer && r.target !== FACE && r.target !== CORE_SERVER) bad.push(`${rel(f)}:${r.line} imports '${r.spec}' — import it from core/server (index.ts)`);
      }
    }
    expect(bad, bad.join('\n')).toEqual([]);
  });

  it('(b) a domain imports another domain only through its public*.ts', () => {
    const bad: string[] = [];
    for (const f of domainFiles) {
      const own = domainOf(f);
      for (const r of moduleRefs(f)) {
        const other = domainOf(r.target);
        if (!other || other === own) continue;
        const inside = relative(join(DOMAINS, other), r.target).split(sep).join('/');
        if (!/^public(-[a-z]+)?\.tsx?$/.test(inside)) bad.push(`${rel(f)}:${r.line} imports '${r.spec}' — another domain is reached only through its public*.ts`);
      }
    }
    expect(bad, bad.join('\n')).toEqual([]);
  });

  it('(c) no domain names a table another domain owns', async () => {
    // Owners, from each domain's declaration.
    const owner = new Map<string, string>(); // SQL table name → domain
    const declared = new Map<PgTable, string>();
    for (const d of await loadDomains()) {
      if (d.name === 'kernel') continue;
      for (const t of d.tables ?? []) {
        const name = typeof t === 'string' ? t : getTableName(t);
        expect(owner.get(name) ?? d.name, `table ${name} is declared by two domains`).toBe(d.name);
        owner.set(name, d.name);
        if (typeof t !== 'string') declared.set(t, d.name);
      }
    }
    // Every table a domain defines is declared by that domain, so the owners above are complete; the
    // export names of the drizzle objects are what other domains' code would import.
    const exportOwner = new Map<string, { domain: string; table: string; file: string }>();
    const undeclared: string[] = [];
    for (const d of domainNames) {
      const dir = join(DOMAINS, d, 'server');
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.tables.ts')).map((n) => join(dir, n))) {
        const mod = (await import(pathToFileURL(f).href)) as Record<string, unknown>;
        for (const [exp, v] of Object.entries(mod)) {
          if (!is(v, PgTable)) continue;
          const name = getTableName(v);
          if (owner.get(name) !== d) undeclared.push(`${rel(f)}: table ${name} (${exp}) is not in ${d}'s defineDomain({ tables })`);
          exportOwner.set(exp, { domain: d, table: name, file: f });
        }
      }
    }
    expect(undeclared, undeclared.join('\n')).toEqual([]);

    const bad: string[] = [];
    const SQL_TABLE = /\b(?:FROM|JOIN|UPDATE|INTO|TABLE|REFERENCES)\s+(?:ONLY\s+)?(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?/gi;
    // Tests are left out: they observe the whole system and may inspect any table to assert an outcome.
    for (const f of domainFiles.filter((x) => !/\.test\.tsx?$/.test(x))) {
      const own = domainOf(f)!;
      const sf = parse(f);
      // Drizzle table objects imported from another domain's module (directly or re-exported).
      for (const r of moduleRefs(f)) {
        const other = domainOf(r.target);
        if (!other || other === own) continue;
        for (const n of r.names) {
          const t = exportOwner.get(n);
          if (t && t.domain !== own) bad.push(`${rel(f)}:${r.line} imports table ${t.table} (${n}) owned by ${t.domain}`);
          if (n === '*' && r.target.endsWith('.tables.ts')) bad.push(`${rel(f)}:${r.line} imports ${other}'s tables`);
        }
      }
      // Table names in SQL text: sql`…` templates, and string literals that read as SQL.
      const scan = (text: string, start: number) => {
        if (!/\b(SELECT|INSERT|UPDATE|DELETE|FROM|JOIN)\b/.test(text)) return;
        for (const m of text.matchAll(SQL_TABLE)) {
          const d = owner.get(m[1]);
          if (d && d !== own) bad.push(`${rel(f)}:${lineOf(sf, start + m.index)} SQL names table ${m[1]} owned by ${d}`);
        }
      };
      const visit = (n: ts.Node) => {
        if (ts.isNoSubstitutionTemplateLiteral(n) || ts.isStringLiteral(n)) scan(n.text, n.getStart(sf) + 1);
        else if (ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) scan(n.text, n.getStart(sf) + 1);
        ts.forEachChild(n, visit);
      };
      visit(sf);
    }
    expect(bad, bad.join('\n')).toEqual([]);
  });
});

describe('the kernel', () => {
  it('src/core has no import cycles', () => {
    const files = sourceFiles(CORE, false);
    const graph = new Map<string, { to: string; line: number }[]>();
    for (const f of files) graph.set(f, moduleRefs(f).filter((r) => files.includes(r.target)).map((r) => ({ to: r.target, line: r.line })));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: { file: string; line: number }[] = [];
    const dfs = (f: string) => {
      state.set(f, 'open');
      for (const e of graph.get(f) ?? []) {
        if (state.get(e.to) === 'open') {
          const at = stack.findIndex((s) => s.file === e.to);
          const path = [...stack.slice(at === -1 ? stack.length : at), { file: f, line: e.line }];
          cycles.push(`${path.map((p) => `${rel(p.file)}:${p.line}`).join(' → ')} → ${rel(e.to)}`);
        } else if (!state.has(e.to)) {
          stack.push({ file: f, line: e.line });
          dfs(e.to);
          stack.pop();
        }
      }
      state.set(f, 'done');
    };
    for (const f of files) if (!state.has(f)) dfs(f);
    expect(cycles, cycles.join('\n')).toEqual([]);
  });
});
