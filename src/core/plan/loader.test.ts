import { describe, expect, it } from 'vitest';
import { getCatalog } from '../catalog/catalog';
import { PLAN_TEMPLATES } from '../templates';
import { validate } from '../validation/validate';
import { formatJsonPath, loadPlan, loadPlanValue, summarizeProblems, type LoadProblem, type LoadResult } from './loader';
import { CURRENT_PLAN_VERSION, PLAN_FORMAT } from './schema';

/** A small valid v1 document; each test copies it and breaks one thing. */
function baseDoc(): Record<string, unknown> {
  return {
    format: PLAN_FORMAT,
    version: CURRENT_PLAN_VERSION,
    name: 'test plan',
    edition: 'ce',
    nodes: [{ id: 'n1', hostname: 'srv1.example.com', roles: ['mta', 'proxy'] }],
  };
}

function withNode(changes: Record<string, unknown>, drop: readonly string[] = []): Record<string, unknown> {
  const node: Record<string, unknown> = { id: 'n1', hostname: 'srv1.example.com', roles: ['mta'], ...changes };
  for (const key of drop) delete node[key];
  return { ...baseDoc(), nodes: [node] };
}

/** The problems of a failed load; fails the test when the load succeeded. */
function problemsOf(result: LoadResult): readonly LoadProblem[] {
  if (result.ok) throw new Error(`expected the load to fail, got a plan: ${JSON.stringify(result.plan)}`);
  expect(result.problems.length).toBeGreaterThan(0);
  return result.problems;
}

/** The single problem of a failed load. */
function onlyProblem(result: LoadResult): LoadProblem {
  const problems = problemsOf(result);
  expect(problems).toHaveLength(1);
  return problems[0]!;
}


describe('loadPlan: text that is not JSON', () => {
  it('refuses an empty string, saying the file is empty', () => {
    const p = onlyProblem(loadPlan(''));
    expect(p.path).toBe('$');
    expect(p.message).toMatch(/empty/);
    expect(p.message).toMatch(/Carbonio plan/);
  });

  it.each([' ', '\n', '  \t\r\n  '])('refuses whitespace only (%j) as empty', (text) => {
    const p = onlyProblem(loadPlan(text));
    expect(p.path).toBe('$');
    expect(p.message).toMatch(/empty/);
  });

  it('refuses JSON truncated inside an array, saying the file ends too early', () => {
    const text = JSON.stringify(baseDoc(), null, 2);
    const cut = text.slice(0, text.indexOf('"roles"') + 10);
    const p = onlyProblem(loadPlan(cut));
    expect(p.path).toBe('$');
    expect(p.message).toMatch(/^not valid JSON: /);
    expect(p.message).toMatch(/ends too early|line \d+, column \d+/);
  });

  it.each([
    ['after an opening brace', '{'],
    ['after a key', '{"format"'],
    ['inside a string', '{"format": "carbonio-pl'],
    ['after a comma in an array', '{"nodes": [1,'],
    ['after an array element', '[1,2'],
    ['after the value of a key, with trailing newline', '{"a": 1\n'],
  ])('refuses JSON truncated %s as ending too early', (_, text) => {
    const p = onlyProblem(loadPlan(text));
    expect(p.path).toBe('$');
    expect(p.message).toBe('not valid JSON: the file ends too early (truncated?)');
  });

  it('locates a syntax error by line and column', () => {
    // Line 3, column 2 is the `x` where a quoted property name should be.
    const p = onlyProblem(loadPlan('{\n  "a": 1,\n x}'));
    expect(p.path).toBe('$');
    expect(p.message).toMatch(/^not valid JSON: /);
    expect(p.message).toMatch(/property name/);
    expect(p.message).toMatch(/at line 3, column 2$/);
  });

  it('names an invalid token, once, without repeating the parser boilerplate', () => {
    const p = onlyProblem(loadPlan('{"format": "carbonio-plan", "version": 1, "edition": ce}'));
    expect(p.path).toBe('$');
    expect(p.message).toMatch(/^not valid JSON: unexpected token 'c'/);
    // "not valid JSON" is the loader's prefix; the engine's own suffix must not be appended again.
    expect(p.message.match(/not valid JSON/g)).toHaveLength(1);
    // The engine gives no position for this error: the text around the token locates it.
    expect(p.message).toContain('near ...');
    expect(p.message).toContain('"edition": ce');
  });

  it('keeps the message of a multi-line invalid token on one line', () => {
    const p = onlyProblem(loadPlan('{\n  "format": "carbonio-plan",\n  "edition": ce,\n  "nodes": []\n}'));
    expect(p.message).toMatch(/^not valid JSON: unexpected token 'c' near /);
    expect(p.message).toContain('"edition": ce, ');
    expect(p.message).not.toMatch(/\n/);
  });

  it('names an invalid token in short input (whole input quoted by the engine)', () => {
    const p = onlyProblem(loadPlan('{"a": tru}'));
    expect(p.message).toMatch(/^not valid JSON: unexpected token '}'/);
    expect(p.message.match(/not valid JSON/g)).toHaveLength(1);
  });

  it('refuses trailing garbage after a complete document with a position', () => {
    const p = onlyProblem(loadPlan('{"a": 1}\n}'));
    expect(p.path).toBe('$');
    expect(p.message).toMatch(/^not valid JSON: /);
    expect(p.message).toMatch(/line 2, column 1$/);
  });
});

describe('loadPlan / loadPlanValue: JSON that is not a plan object', () => {
  it.each([
    ['an array', '[]', 'an array'],
    ['an array of plans', JSON.stringify([baseDoc()]), 'an array'],
    ['a number', '42', 'the number 42'],
    ['null', 'null', 'null'],
    ['a string', '"carbonio-plan"', 'the string "carbonio-plan"'],
    ['a boolean', 'true', 'true'],
  ])('refuses %s at the top level', (_, text, got) => {
    const p = onlyProblem(loadPlan(text));
    expect(p.path).toBe('$');
    expect(p.message).toBe(`expected a JSON object (a Carbonio plan), got ${got}`);
  });

  it('shortens a long string in the message', () => {
    const long = 'x'.repeat(100);
    const p = onlyProblem(loadPlanValue(long));
    expect(p.message).toContain(`"${'x'.repeat(40)}…"`);
    expect(p.message).not.toContain('x'.repeat(41));
  });

  it('refuses undefined (nothing) without throwing', () => {
    const p = onlyProblem(loadPlanValue(undefined));
    expect(p.path).toBe('$');
    expect(p.message).toMatch(/got nothing$/);
  });
});

describe('loadPlanValue: format and version', () => {
  it('refuses a document without "format"', () => {
    const doc = baseDoc();
    delete doc.format;
    const p = onlyProblem(loadPlanValue(doc));
    expect(p.path).toBe('$.format');
    expect(p.message).toContain(`expected "${PLAN_FORMAT}"`);
    expect(p.message).toContain('no "format" field');
    expect(p.message).toMatch(/not a Carbonio plan file/);
  });

  it.each([
    ['another string', 'excalidraw', 'the string "excalidraw"'],
    ['a number', 1, 'the number 1'],
    ['null', null, 'null'],
  ])('refuses a "format" that is %s, quoting it', (_, format, got) => {
    const p = onlyProblem(loadPlanValue({ ...baseDoc(), format }));
    expect(p.path).toBe('$.format');
    expect(p.message).toContain(`got format ${got}`);
    expect(p.message).toMatch(/not a Carbonio plan file/);
  });

  it('checks format before version: a foreign file is not blamed for its version', () => {
    const p = onlyProblem(loadPlanValue({ format: 'other', version: 99 }));
    expect(p.path).toBe('$.format');
  });

  it('refuses a document without "version"', () => {
    const doc = baseDoc();
    delete doc.version;
    const p = onlyProblem(loadPlanValue(doc));
    expect(p.path).toBe('$.version');
    expect(p.message).toBe(`expected a format version number from 1 to ${CURRENT_PLAN_VERSION}, got nothing`);
  });

  it.each([
    ['0', 0, 'the number 0'],
    ['negative', -1, 'the number -1'],
    ['1.5', 1.5, 'the number 1.5'],
    ['a numeric string', '1', 'the string "1"'],
    ['null', null, 'null'],
    ['an array', [1], 'an array'],
  ])('refuses version %s', (_, version, got) => {
    const p = onlyProblem(loadPlanValue({ ...baseDoc(), version }));
    expect(p.path).toBe('$.version');
    expect(p.message).toBe(`expected a format version number from 1 to ${CURRENT_PLAN_VERSION}, got ${got}`);
  });

  it('refuses a newer version, naming both versions and asking to update', () => {
    const newer = CURRENT_PLAN_VERSION + 1;
    const p = onlyProblem(loadPlanValue({ ...baseDoc(), version: newer }));
    expect(p.path).toBe('$.version');
    expect(p.message).toContain(`format version ${newer}`);
    expect(p.message).toMatch(/newer version of the designer/);
    expect(p.message).toContain(`up to ${CURRENT_PLAN_VERSION}`);
    expect(p.message).toMatch(/Update the designer/);
  });

  it('refuses a much newer version the same way, even when the rest is garbage', () => {
    const p = onlyProblem(loadPlanValue({ format: PLAN_FORMAT, version: 40, nodes: 'whatever' }));
    expect(p.path).toBe('$.version');
    expect(p.message).toContain('format version 40');
  });
});

describe('loadPlanValue: schema problems name the JSON path', () => {
  it('reports a hostname that is a number', () => {
    const p = onlyProblem(loadPlanValue(withNode({ hostname: 42 })));
    expect(p).toEqual({ path: '$.nodes[0].hostname', message: 'expected a string, got the number 42' });
  });

  it('reports the right index in a later node', () => {
    const doc = baseDoc();
    doc.nodes = [
      { id: 'n1', hostname: 'srv1.example.com', roles: [] },
      { id: 'n2', hostname: 'srv2.example.com', roles: [] },
      { id: 'n3', hostname: true, roles: [] },
    ];
    const p = onlyProblem(loadPlanValue(doc));
    expect(p).toEqual({ path: '$.nodes[2].hostname', message: 'expected a string, got true' });
  });

  it('reports roles that are not an array', () => {
    const p = onlyProblem(loadPlanValue(withNode({ roles: 'mta' })));
    expect(p).toEqual({ path: '$.nodes[0].roles', message: 'expected an array, got the string "mta"' });
  });

  it('reports a role that is not a string, by index', () => {
    const p = onlyProblem(loadPlanValue(withNode({ roles: ['mta', 7] })));
    expect(p).toEqual({ path: '$.nodes[0].roles[1]', message: 'expected a string, got the number 7' });
  });

  it('reports nodes that are an object instead of an array', () => {
    const p = onlyProblem(loadPlanValue({ ...baseDoc(), nodes: {} }));
    expect(p).toEqual({ path: '$.nodes', message: 'expected an array, got an object' });
  });

  it('reports a bad edition, listing the allowed values', () => {
    const p = onlyProblem(loadPlanValue({ ...baseDoc(), edition: 'enterprise' }));
    expect(p.path).toBe('$.edition');
    expect(p.message).toBe('expected one of "ce", "carbonio", got the string "enterprise"');
  });

  it('reports a bad zone, listing the allowed values', () => {
    const p = onlyProblem(loadPlanValue(withNode({ zone: 'wan' })));
    expect(p).toEqual({ path: '$.nodes[0].zone', message: 'expected one of "lan", "dmz", got the string "wan"' });
  });

  it('reports every negative resource, each at its own path', () => {
    const result = loadPlanValue(withNode({ resources: { vcpu: -1, ramGb: 8, diskGb: -0.5 } }));
    expect(problemsOf(result)).toEqual([
      { path: '$.nodes[0].resources.vcpu', message: 'expected a value of at least 0, got the number -1' },
      { path: '$.nodes[0].resources.diskGb', message: 'expected a value of at least 0, got the number -0.5' },
    ]);
  });

  it('accepts zero resources', () => {
    const result = loadPlanValue(withNode({ resources: { vcpu: 0, ramGb: 0, diskGb: 0 } }));
    expect(result.ok).toBe(true);
  });

  it('reports a resource of the wrong type', () => {
    const p = onlyProblem(loadPlanValue(withNode({ resources: { ramGb: '16' } })));
    expect(p).toEqual({ path: '$.nodes[0].resources.ramGb', message: 'expected a number, got the string "16"' });
  });

  it('reports a position with a missing coordinate as missing', () => {
    const p = onlyProblem(loadPlanValue(withNode({ position: { x: 10 } })));
    expect(p.path).toBe('$.nodes[0].position.y');
    expect(p.message).toMatch(/missing/);
  });

  it('reports an empty node id', () => {
    const p = onlyProblem(loadPlanValue(withNode({ id: '' })));
    expect(p).toEqual({ path: '$.nodes[0].id', message: 'must not be empty' });
  });

  it.each([
    ['name', '$.name', 'a string'],
    ['nodes', '$.nodes', 'an array'],
  ])('reports a missing top-level %s as missing', (key, path, expected) => {
    const doc = baseDoc();
    delete doc[key];
    const p = onlyProblem(loadPlanValue(doc));
    expect(p).toEqual({ path, message: `required field is missing; expected ${expected}` });
  });

  it('reports a missing edition as missing, listing the allowed values', () => {
    const doc = baseDoc();
    delete doc.edition;
    const p = onlyProblem(loadPlanValue(doc));
    expect(p.path).toBe('$.edition');
    expect(p.message).toMatch(/missing/);
    expect(p.message).toContain('"ce", "carbonio"');
  });

  it.each([
    ['id', 'a string'],
    ['hostname', 'a string'],
    ['roles', 'an array'],
  ])('reports a missing node %s as missing', (key, expected) => {
    const p = onlyProblem(loadPlanValue(withNode({}, [key])));
    expect(p).toEqual({ path: `$.nodes[0].${key}`, message: `required field is missing; expected ${expected}` });
  });

  it('reports every problem of a document at once, in document order', () => {
    const result = loadPlanValue({
      format: PLAN_FORMAT,
      version: CURRENT_PLAN_VERSION,
      edition: 'ce',
      nodes: [{ roles: [] }, { id: 'n2', hostname: 3, roles: null }],
    });
    expect(problemsOf(result).map((p) => p.path)).toEqual([
      '$.name',
      '$.nodes[0].id',
      '$.nodes[0].hostname',
      '$.nodes[1].hostname',
      '$.nodes[1].roles',
    ]);
  });

  it('reports a null node', () => {
    const p = onlyProblem(loadPlanValue({ ...baseDoc(), nodes: [null] }));
    expect(p).toEqual({ path: '$.nodes[0]', message: 'expected an object, got null' });
  });
});

describe('loadPlanValue: what gets in', () => {
  it('loads a minimal valid document unchanged and reports no migration', () => {
    const doc = baseDoc();
    const result = loadPlanValue(doc);
    expect(result).toEqual({ ok: true, plan: doc });
    expect(result.ok && 'migratedFrom' in result).toBe(false);
  });

  it('keeps every optional field it knows', () => {
    const node = {
      id: 'n1',
      hostname: 'srv1.example.com',
      roles: ['mta'],
      privateIp: '10.0.0.1',
      publicIp: '203.0.113.1',
      zone: 'dmz',
      os: 'Ubuntu 24.04',
      resources: { vcpu: 4, ramGb: 16, diskGb: 100 },
      position: { x: -10, y: 20.5 },
    };
    const doc = { ...baseDoc(), webmailHostname: 'mail.example.com', nodes: [node] };
    const result = loadPlanValue(doc);
    expect(result).toEqual({ ok: true, plan: doc });
  });

  it('drops unknown keys at every level', () => {
    const doc = {
      ...baseDoc(),
      comment: 'top',
      nodes: [
        {
          id: 'n1',
          hostname: 'srv1.example.com',
          roles: ['mta'],
          color: 'red',
          resources: { ramGb: 8, gpu: 1 },
          position: { x: 1, y: 2, z: 3 },
        },
      ],
    };
    const result = loadPlanValue(doc);
    if (!result.ok) throw new Error(summarizeProblems(result.problems));
    expect(result.plan).not.toHaveProperty('comment');
    expect(result.plan.nodes[0]).not.toHaveProperty('color');
    expect(result.plan.nodes[0]!.resources).toEqual({ ramGb: 8 });
    expect(result.plan.nodes[0]!.position).toEqual({ x: 1, y: 2 });
    // The input itself is left alone.
    expect(doc).toHaveProperty('comment', 'top');
  });

  it('keeps unknown role ids: they are a validation finding, not a load error', () => {
    const result = loadPlanValue(withNode({ roles: ['mta', 'no-such-role', 'mta'] }));
    expect(result.ok && result.plan.nodes[0]!.roles).toEqual(['mta', 'no-such-role', 'mta']);
  });

  it('parses text the same way as the value', () => {
    const doc = baseDoc();
    expect(loadPlan(JSON.stringify(doc, null, 2))).toEqual(loadPlanValue(doc));
    expect(loadPlan(`\n\n  ${JSON.stringify(doc)}  \n`)).toEqual(loadPlanValue(doc));
  });
});

describe('templates', () => {
  it('there are templates for both editions', () => {
    const editions = new Set(
      PLAN_TEMPLATES.map((t) => (t.document as { edition?: unknown }).edition),
    );
    expect(editions).toEqual(new Set(['ce', 'carbonio']));
  });

  it.each(PLAN_TEMPLATES.map((t) => [t.id, t] as const))('template %s loads, from value and from text', (_, template) => {
    const result = loadPlanValue(template.document);
    if (!result.ok) throw new Error(summarizeProblems(result.problems, 10));
    expect(result.plan.version).toBe(CURRENT_PLAN_VERSION);
    expect(result.plan.nodes.length).toBeGreaterThan(0);
    // Nothing is lost: templates contain only known fields.
    expect(result.plan).toEqual(template.document);
    expect(loadPlan(JSON.stringify(template.document))).toEqual(result);
  });

  it.each(PLAN_TEMPLATES.map((t) => [t.id, t] as const))('template %s validates with no error', (_, template) => {
    const result = loadPlanValue(template.document);
    if (!result.ok) throw new Error(summarizeProblems(result.problems, 10));
    const errors = validate(result.plan, getCatalog(result.plan.edition)).filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.rule}: ${d.message}`)).toEqual([]);
  });

  it('template ids are unique', () => {
    const ids = PLAN_TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the loader never throws', () => {
  const texts = [
    '',
    '   ',
    '{',
    '{"a": tru}',
    '[]',
    '42',
    'null',
    '"x"',
    '{}',
    '{"format": "carbonio-plan"}',
    '{"format": "carbonio-plan", "version": 1}',
    '{"format": "carbonio-plan", "version": 2}',
    '{"format": "carbonio-plan", "version": 1.5}',
    '{"format": "carbonio-plan", "version": 1, "name": "x", "edition": "ce", "nodes": [{"id": "a", "hostname": 1, "roles": 2}]}',
    '{"format": "carbonio-plan", "version": 1, "name": "x", "edition": "ce", "nodes": [{"__proto__": {"id": "a"}}]}',
    '{"__proto__": {"format": "carbonio-plan", "version": 1}}',
    '\u0000',
    '\uD800',
    '1e999',
  ];
  it.each(texts.map((t) => [t]))('loadPlan(%j) returns a result', (text) => {
    let result: LoadResult | undefined;
    expect(() => {
      result = loadPlan(text);
    }).not.toThrow();
    expect(typeof result!.ok).toBe('boolean');
    if (!result!.ok) {
      for (const p of result!.problems) {
        expect(p.path).toMatch(/^\$/);
        expect(p.message.length).toBeGreaterThan(0);
      }
    }
  });

  it('refuses an inherited format: only own fields count', () => {
    const result = loadPlan('{"__proto__": {"format": "carbonio-plan", "version": 1}}');
    expect(onlyProblem(result).path).toBe('$.format');
  });

  it.each([
    ['a function', () => 1],
    ['a symbol', Symbol('plan')],
    ['a bigint', 10n],
    ['a Map', new Map()],
    ['a Date', new Date(0)],
    ['an object with a null prototype', Object.create(null) as unknown],
    ['a circular object', (() => {
      const o: Record<string, unknown> = { format: PLAN_FORMAT, version: 1 };
      o.nodes = [o];
      return o;
    })()],
  ])('loadPlanValue(%s) returns a result', (_, value) => {
    const result = loadPlanValue(value);
    expect(result.ok).toBe(false);
  });
});

describe('summarizeProblems', () => {
  const problems: LoadProblem[] = [
    { path: '$', message: 'root problem' },
    { path: '$.name', message: 'name problem' },
    { path: '$.nodes[0].id', message: 'id problem' },
    { path: '$.nodes[1].id', message: 'another id problem' },
    { path: '$.nodes[2].id', message: 'yet another' },
  ];

  it('is empty for no problems', () => {
    expect(summarizeProblems([])).toBe('');
  });

  it('shows a root problem without its path', () => {
    expect(summarizeProblems([problems[0]!])).toBe('root problem');
  });

  it('prefixes other problems with their path', () => {
    expect(summarizeProblems([problems[1]!])).toBe('$.name: name problem');
  });

  it('shows the first three by default, then how many more', () => {
    expect(summarizeProblems(problems)).toBe(
      'root problem; $.name: name problem; $.nodes[0].id: id problem (and 2 more)',
    );
  });

  it('shows exactly `max` problems with no "more" when all fit', () => {
    expect(summarizeProblems(problems.slice(0, 3))).not.toMatch(/more/);
    expect(summarizeProblems(problems, 5)).toBe(problems.map((p) => (p.path === '$' ? p.message : `${p.path}: ${p.message}`)).join('; '));
  });

  it('honours a custom max', () => {
    expect(summarizeProblems(problems, 1)).toBe('root problem (and 4 more)');
  });

  it('summarizes a real load failure', () => {
    const result = loadPlanValue(withNode({ hostname: 1, roles: 'x' }));
    expect(summarizeProblems(problemsOf(result))).toBe(
      '$.nodes[0].hostname: expected a string, got the number 1; $.nodes[0].roles: expected an array, got the string "x"',
    );
  });
});

describe('formatJsonPath', () => {
  it.each<[readonly PropertyKey[], string]>([
    [[], '$'],
    [['name'], '$.name'],
    [['nodes', 2, 'hostname'], '$.nodes[2].hostname'],
    [['nodes', 0, 'resources', 'ramGb'], '$.nodes[0].resources.ramGb'],
    [['_private', '$ref', 'a1'], '$._private.$ref.a1'],
    [['a-b'], '$["a-b"]'],
    [['1st'], '$["1st"]'],
    [['with space'], '$["with space"]'],
    [[''], '$[""]'],
    [['0'], '$["0"]'],
    [['é'], '$["é"]'],
    [['a.b'], '$["a.b"]'],
    [['say "hi"'], '$["say \\"hi\\""]'],
    [['back\\slash'], '$["back\\\\slash"]'],
    [['nodes', 0, 'x-y', 1], '$.nodes[0]["x-y"][1]'],
    [[Symbol('s')], '$["Symbol(s)"]'],
  ])('formats %j as %s', (path, expected) => {
    expect(formatJsonPath(path)).toBe(expected);
  });

  it('quotes keys so the path reads back as the same key', () => {
    for (const key of ['a-b', 'say "hi"', 'back\\slash', 'tab\there', '']) {
      const formatted = formatJsonPath([key]);
      const inner = /^\$\[(.*)\]$/s.exec(formatted)![1]!;
      expect(JSON.parse(inner)).toBe(key);
    }
  });
});

describe('byte-order mark', () => {
  it('accepts a UTF-8 file that starts with a BOM', () => {
    const result = loadPlan(`\uFEFF${JSON.stringify(baseDoc())}`);
    expect(result.ok).toBe(true);
  });

  it('still calls a BOM-only file empty', () => {
    expect(onlyProblem(loadPlan('\uFEFF  ')).message).toMatch(/the file is empty/);
  });
});
