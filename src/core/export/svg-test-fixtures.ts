/**
 * Plans and helpers shared by the SVG export's tests. Plain TypeScript (no vitest import), like
 * test-support/plan-builder.
 */
import type { Plan } from '../plan/schema';
import { makePlan } from '../test-support/plan-builder';
import { attr, type XmlDocument, type XmlElement } from './svg-xml-check';

export const GOLDEN_DATE = '2026-01-15';

export { templatePlan } from '../test-support/plan-builder';

/**
 * DMZ and LAN, with the cases the links care about: a DMZ proxy without public IP (faces the
 * Internet), a LAN node with a public IP and the Video Server (faces it), a DMZ mailstore (does not,
 * no public role), and a LAN MTA without public IP (does not). Plus OS, resources, a role of the
 * other edition, an unknown role, a node without roles and a long hostname.
 */
export function zonedPlan(): Plan {
  const plan = makePlan(
    [
      ['proxy1.example.com', ['proxy', 'files-ui', 'tasks-ui', 'chats-ui'], { id: 'proxy1', zone: 'dmz', privateIp: '10.0.1.10', os: 'ubuntu-24.04', resources: { vcpu: 4, ramGb: 8, diskGb: 80 } }],
      ['mx.example.com', ['mta'], { id: 'mx', zone: 'dmz', privateIp: '10.0.1.11', publicIp: '203.0.113.11' }],
      ['archive.example.com', ['mailstore'], { id: 'archive', zone: 'dmz', privateIp: '10.0.1.12' }],
      ['core.example.com', ['mesh-directory', 'database', 'monitoring', 'video-recording'], { id: 'core', zone: 'lan', privateIp: '10.0.2.10', os: 'rhel-9' }],
      ['relay.example.com', ['mta', 'my-custom-role'], { id: 'relay', zone: 'lan', privateIp: '10.0.2.11' }],
      ['video.example.com', ['video-server'], { id: 'video', privateIp: '10.0.2.12', publicIp: '198.51.100.7' }],
      ['spare.example.com', [], { id: 'spare', zone: 'lan' }],
      ['a-very-long-hostname-for-the-mailstore-of-the-branch-office.internal.example.com', ['mailstore', 'directory-replica'], { id: 'long', zone: 'lan' }],
    ],
    'ce',
    'Zoned plan with DMZ and LAN',
  );
  return { ...plan, webmailHostname: 'mail.example.com' };
}

/** Values that try to break out of text, attributes, CDATA or comments, or are just unwieldy. */
export const HOSTILE_VALUES: readonly string[] = [
  '<script>alert(1)</script>',
  '"onload="alert(1)',
  "'onload='alert(1)",
  ']]>',
  '-->',
  '<!--',
  '&amp;',
  '&lt;b&gt;',
  '&#x3C;script&#x3E;',
  'line one\nline two\r\nline three\ttab',
  'x'.repeat(5000),
  '<svg onload="alert(1)"><foreignObject><script>alert(2)</script></foreignObject></svg>',
  'url(javascript:alert(1))',
];

/** A plan with `value` in every free text field: name, webmail hostname, hostname, IPs, OS, node id, a role id. */
export function hostilePlan(value: string): Plan {
  const plan = makePlan(
    [
      [value, ['proxy', 'mta', value], { id: value, privateIp: value, publicIp: value, os: value, zone: 'dmz' }],
      ['srv2.example.com', ['mailstore'], { id: 'srv2', privateIp: value }],
    ],
    'ce',
    value,
  );
  return { ...plan, webmailHostname: value };
}

/** A node card of the parsed SVG: its group, data-node-id, translation and box height. */
export interface ParsedCard {
  readonly group: XmlElement;
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function parsedCards(doc: XmlDocument): ParsedCard[] {
  return doc.elements
    .filter((e) => e.name === 'g' && attr(e, 'class') === 'node')
    .map((group) => {
      const m = /^translate\((-?[\d.]+) (-?[\d.]+)\)$/.exec(attr(group, 'transform') ?? '');
      if (!m) throw new Error('card without translate()');
      const rect = doc.elements.find((e) => e.name === 'rect' && e.parent === group);
      if (!rect) throw new Error('card without box');
      return {
        group,
        id: attr(group, 'data-node-id') ?? '',
        x: Number(m[1]),
        y: Number(m[2]),
        width: Number(attr(rect, 'width')),
        height: Number(attr(rect, 'height')),
      };
    });
}
