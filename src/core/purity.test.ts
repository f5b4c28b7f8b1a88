import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const coreDir = fileURLToPath(new URL('.', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const FORBIDDEN_IMPORT = /from\s+['"](react|react-dom|zustand|@xyflow\/[\w-]+)(\/[^'"]*)?['"]|import\s*\(\s*['"](react|zustand|@xyflow)/;
const DOM_GLOBAL = /\b(window|document|localStorage|sessionStorage|navigator|HTMLElement)\s*[.[(]/;

describe('the core stays pure', () => {
  const files = sourceFiles(coreDir);

  it('finds the core sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [relative(coreDir, f), f]))('%s imports no React, DOM, zustand or React Flow', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(FORBIDDEN_IMPORT);
    expect(text).not.toMatch(DOM_GLOBAL);
    expect(text).not.toMatch(/\.\.\/(app|canvas|store|ui|cli)\//);
  });

  it('the checks would catch a violation', () => {
    expect("import { create } from 'zustand';").toMatch(FORBIDDEN_IMPORT);
    expect("import type { Node } from '@xyflow/react';").toMatch(FORBIDDEN_IMPORT);
    expect('window.localStorage.getItem("x")').toMatch(DOM_GLOBAL);
  });
});
