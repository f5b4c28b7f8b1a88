import { readFileSync } from 'node:fs';
import { ROLE_IDS } from '../catalog/role-ids';
import { loadPlanValue } from '../plan/loader';
import { PLAN_TEMPLATES } from '../templates';
import { PLAN_SCHEMA_ID, planJsonSchema, planJsonSchemaText } from './json-schema';

type Schema = Record<string, unknown>;

const KNOWN_KEYWORDS = new Set([
  '$schema',
  '$id',
  'title',
  'description',
  'examples',
  'type',
  'const',
  'enum',
  'minLength',
  'minimum',
  'properties',
  'required',
  'items',
  'additionalProperties',
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * A validator for the subset of JSON Schema the plan schema uses. It refuses a schema using any
 * other keyword, so a zod change that adds one makes this test fail instead of passing blindly.
 */
function check(schema: Schema, value: unknown, path = '$'): string[] {
  for (const key of Object.keys(schema)) {
    if (!KNOWN_KEYWORDS.has(key)) throw new Error(`${path}: schema keyword ${key} not supported by the test validator`);
  }
  const errors: string[] = [];
  const type = schema.type as string | undefined;
  if (type !== undefined) {
    const actual = typeOf(value);
    const ok = type === 'integer' ? Number.isInteger(value) : actual === type;
    if (!ok) return [`${path}: expected ${type}, got ${actual}`];
  }
  if ('const' in schema && value !== schema.const) errors.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${path}: not one of ${schema.enum.join(', ')}`);
  if (typeof schema.minLength === 'number' && typeof value === 'string' && value.length < schema.minLength) {
    errors.push(`${path}: shorter than ${schema.minLength}`);
  }
  if (typeof schema.minimum === 'number' && typeof value === 'number' && value < schema.minimum) {
    errors.push(`${path}: below ${schema.minimum}`);
  }
  if (typeOf(value) === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of (schema.required as string[] | undefined) ?? []) {
      if (!(key in record)) errors.push(`${path}.${key}: required`);
    }
    const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const [key, child] of Object.entries(record)) {
      if (properties[key]) errors.push(...check(properties[key], child, `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}.${key}: not allowed`);
    }
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) => errors.push(...check(schema.items as Schema, item, `${path}[${i}]`)));
  }
  return errors;
}

describe('JSON Schema of the plan', () => {
  const schema = planJsonSchema();

  it('public/plan.schema.json is exactly what scripts/write-schema.ts writes (run npm run schema:write)', () => {
    const committed = readFileSync(new URL('../../../public/plan.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(planJsonSchemaText());
    expect(committed.endsWith('}\n')).toBe(true);
  });

  it('has $schema, $id, title and description', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(PLAN_SCHEMA_ID);
    expect(schema.title).toBe('Carbonio deployment plan');
    expect(typeof schema.description).toBe('string');
    expect(Object.keys(schema).slice(0, 4)).toEqual(['$schema', '$id', 'title', 'description']);
  });

  it.each(PLAN_TEMPLATES.map((t) => [t.id, t.document] as const))('template %s validates', (_id, document) => {
    expect(check(schema, document)).toEqual([]);
  });

  it('offers the role ids as examples but accepts any role string, as the loader does', () => {
    const items = (((schema.properties as Schema).nodes as Schema).items as Schema).properties as Record<string, Schema>;
    const roleItems = items.roles!.items as Schema;
    expect(roleItems.examples).toEqual([...ROLE_IDS]);
    expect(roleItems.enum).toBeUndefined();
    const plan = {
      format: 'carbonio-plan',
      version: 1,
      name: 'x',
      edition: 'ce',
      nodes: [{ id: 'a', hostname: 'a.example.com', roles: ['quantum-flux'] }],
      $schema: './plan.schema.json',
    };
    expect(check(schema, plan)).toEqual([]);
    expect(loadPlanValue(plan).ok).toBe(true);
  });

  it('refuses what the loader refuses (the validator is not a rubber stamp)', () => {
    const bad = [
      { format: 'carbonio-plan', version: 1, edition: 'ce', nodes: [] },
      { format: 'carbonio-plan', version: 1, name: 'x', edition: 'pro', nodes: [] },
      { format: 'carbonio-plan', version: 1, name: 'x', edition: 'ce', nodes: [{ id: '', hostname: 'a', roles: [] }] },
      { format: 'carbonio-plan', version: 1, name: 'x', edition: 'ce', nodes: [{ id: 'a', hostname: 42, roles: [] }] },
      {
        format: 'carbonio-plan',
        version: 1,
        name: 'x',
        edition: 'ce',
        nodes: [{ id: 'a', hostname: 'a', roles: [], resources: { ramGb: -1 } }],
      },
      { format: 'other', version: 1, name: 'x', edition: 'ce', nodes: [] },
    ];
    for (const doc of bad) {
      expect(check(schema, doc), JSON.stringify(doc)).not.toEqual([]);
      expect(loadPlanValue(doc).ok).toBe(false);
    }
  });
});
