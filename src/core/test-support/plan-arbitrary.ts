/**
 * fast-check generators of plans with hostile text everywhere: any code point, XML and Markdown
 * specials, C0 controls, lone surrogates, U+FFFE/U+FFFF; optional fields, positions, services.
 */
import fc from 'fast-check';
import { EDITIONS, ROLE_IDS } from '../catalog/role-ids';
import { CURRENT_PLAN_VERSION, PLAN_FORMAT, SERVICE_EXPOSURES, SERVICE_IDS, type Plan, type PlanNode } from '../plan/schema';

const oneChar = (from: number, to: number) => fc.integer({ min: from, max: to }).map((c) => String.fromCharCode(c));

/** Characters of every sort: any code point, XML specials, C0 controls, lone surrogates, U+FFFE/U+FFFF. */
const char = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 4 },
  { arbitrary: fc.constantFrom('<', '>', '&', '"', "'", ']]>', '-->', '&amp;', '&#x26;', '\n', '\t', ' ', '😀', 'é', '\u2028', '\uFFFE', '\uFFFF'), weight: 3 },
  { arbitrary: oneChar(0, 0x1f), weight: 1 },
  { arbitrary: oneChar(0xd800, 0xdfff), weight: 1 },
  { arbitrary: fc.constantFrom('srv1.example.com', '203.0.113.7', 'x'.repeat(300)), weight: 1 },
);
export const text = fc.string({ unit: char, maxLength: 24 });

const coordinate = fc.double({ noNaN: true, noDefaultInfinity: true });
const amount = fc.double({ min: 0, max: 1e6, noNaN: true });

function nodeArbitrary(withPosition: 'always' | 'maybe'): fc.Arbitrary<PlanNode> {
  const optional = {
    privateIp: text,
    publicIp: fc.oneof(text, fc.constant('198.51.100.1')),
    zone: fc.constantFrom('lan', 'dmz'),
    os: fc.oneof(fc.constantFrom('ubuntu-24.04', 'rhel-9'), text),
    resources: fc.record({ vcpu: amount, ramGb: amount, diskGb: amount }, { requiredKeys: [] }),
  } as const;
  const required = {
    id: fc.string({ unit: char, minLength: 1, maxLength: 12 }),
    hostname: text,
    roles: fc.array(fc.oneof({ arbitrary: fc.constantFrom(...ROLE_IDS), weight: 4 }, { arbitrary: text, weight: 1 }), { maxLength: 9 }),
  };
  const position = fc.record({ x: coordinate, y: coordinate });
  return withPosition === 'always'
    ? fc.record({ ...required, ...optional, position }, { requiredKeys: ['id', 'hostname', 'roles', 'position'] })
    : fc.record({ ...required, ...optional, position }, { requiredKeys: ['id', 'hostname', 'roles'] });
}

export const planArbitrary: fc.Arbitrary<Plan> = fc
  .record(
    {
      name: text,
      edition: fc.constantFrom(...EDITIONS),
      webmailHostname: text,
      services: fc.dictionary(fc.constantFrom(...SERVICE_IDS), fc.constantFrom(...SERVICE_EXPOSURES), { maxKeys: 4 }),
      sizing: fc.record({ accounts: fc.nat(100000), mailboxQuotaGb: amount }, { requiredKeys: [] }),
      nodes: fc.oneof(fc.array(nodeArbitrary('maybe'), { maxLength: 8 }), fc.array(nodeArbitrary('always'), { maxLength: 8 })),
    },
    { requiredKeys: ['name', 'edition', 'nodes'] },
  )
  .map((p) => ({ format: PLAN_FORMAT, version: CURRENT_PLAN_VERSION, ...p }));
