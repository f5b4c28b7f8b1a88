import { getCatalog } from '../catalog/catalog';
import { formatPort } from '../catalog/ports';
import type { PortSpec } from '../catalog/role-definition';
import { ROLE_KINDS, type RoleKind } from '../catalog/role-ids';
import type { Plan, PlanNode } from '../plan/schema';
import { oneLine, truncate } from './ansible-text';

/** Roles that face the Internet when their node has a public IP or sits in the DMZ (domain §4). */
const PUBLIC_ROLES = ['proxy', 'mta', 'video-server'] as const;

/** Longest label taken from the plan; longer ones are cut with `…` (Mermaid refuses huge inputs). */
const MAX_LABEL = 80;

/** Fill, stroke and text colours per role kind: the designer's palette (core warm, collaboration blue, …). */
const KIND_STYLES: Record<RoleKind | 'unknown', string> = {
  core: 'fill:#fff0e6,stroke:#d9480f,color:#1d2330',
  infra: 'fill:#fff8e1,stroke:#b7791f,color:#1d2330',
  ui: 'fill:#fff9c4,stroke:#8f6b00,color:#1d2330',
  collaboration: 'fill:#e7f1fd,stroke:#1864ab,color:#1d2330',
  additional: 'fill:#e9f7ec,stroke:#2b8a3e,color:#1d2330',
  legacy: 'fill:#eef0f3,stroke:#5b6475,color:#1d2330,stroke-dasharray:4 3',
  unknown: 'fill:#fff0f0,stroke:#c92a2a,color:#1d2330,stroke-dasharray:4 3',
};

const ENTITIES: Record<string, string> = {
  '"': '#quot;',
  '<': '#lt;',
  '>': '#gt;',
  '&': '#amp;',
  '#': '#35;',
  ';': '#59;',
  '`': '#96;',
  '%': '#37;',
};

/**
 * Text for inside a double-quoted Mermaid label: one line, at most {@link MAX_LABEL} characters,
 * and every character Mermaid or HTML could read as syntax written as a Mermaid entity code
 * (`#quot;`, `#lt;`, …; `#` and `;` too, so user text cannot forge an entity; `%` so it cannot
 * form a `%%{init}%%` directive). `]`, `}`, `|` are inert inside the quotes.
 */
export function mermaidLabel(text: string): string {
  return escapeMermaid(truncate(text, MAX_LABEL));
}

function escapeMermaid(text: string): string {
  return oneLine(text).replace(/["<>&#;`%]/g, (c) => ENTITIES[c]!);
}

function nodeTitle(node: PlanNode): string {
  const host = node.hostname.trim() === '' ? `(no hostname) ${node.id}` : node.hostname.trim();
  const ips = [node.privateIp?.trim(), node.publicIp?.trim() ? `public ${node.publicIp.trim()}` : undefined].filter(
    (ip): ip is string => Boolean(ip),
  );
  return ips.length > 0 ? `${host} · ${ips.join(' · ')}` : host;
}

/** "tcp 25, 465, 587": the external ports of a role, without the ones never to be made public. */
function externalPorts(ports: readonly PortSpec[]): string {
  const byProtocol = new Map<string, string[]>();
  for (const p of ports) {
    if (p.exposure !== 'external' || /never public/i.test(p.note ?? '')) continue;
    const list = byProtocol.get(p.protocol) ?? [];
    list.push(formatPort(p.port));
    byProtocol.set(p.protocol, list);
  }
  return [...byProtocol].map(([protocol, list]) => `${protocol} ${list.join(', ')}`).join(' · ');
}

/**
 * The plan as a Mermaid `flowchart LR`: one subgraph per node (hostname and IPs), one box per
 * role (its name in the catalog of the plan's edition; unknown ids shown raw), and an `Internet`
 * node with arrows, labelled with ports, to the Proxy, MTA and Video Server of nodes that have a
 * public IP or sit in the DMZ. Ids are generated (`n0`, `n0_r1`); text from the plan only ever
 * appears escaped inside quotes. Deterministic: the same plan gives the same text.
 */
export function exportMermaid(plan: Plan): string {
  const catalog = getCatalog(plan.edition);
  const lines: string[] = [
    `%% ${mermaidLabel(plan.name)} (${plan.edition === 'ce' ? 'Carbonio CE' : 'Carbonio'}), written by Carbonio Deployment Designer`,
    'flowchart LR',
  ];
  const byKind = new Map<RoleKind | 'unknown', string[]>();
  const edges: string[] = [];
  plan.nodes.forEach((node, n) => {
    const id = `n${n}`;
    lines.push(`  subgraph ${id}["${mermaidLabel(nodeTitle(node))}"]`, '    direction TB');
    if (node.roles.length === 0) {
      lines.push(`    ${id}_empty["(no roles)"]`);
    }
    const isPublic = Boolean(node.publicIp?.trim()) || node.zone === 'dmz';
    node.roles.forEach((roleId, r) => {
      const roleNodeId = `${id}_r${r}`;
      const role = catalog.get(roleId);
      lines.push(`    ${roleNodeId}["${mermaidLabel(role?.name ?? roleId)}"]`);
      const kind = role?.kind ?? 'unknown';
      const members = byKind.get(kind) ?? [];
      members.push(roleNodeId);
      byKind.set(kind, members);
      if (isPublic && role && (PUBLIC_ROLES as readonly string[]).includes(role.id)) {
        const ports = externalPorts(role.ports);
        if (ports) edges.push(`  internet -->|"${escapeMermaid(ports)}"| ${roleNodeId}`);
      }
    });
    lines.push('  end');
  });
  if (edges.length > 0) lines.push('  internet(("Internet"))', ...edges);
  for (const kind of [...ROLE_KINDS, 'unknown'] as const) {
    lines.push(`  classDef kind_${kind} ${KIND_STYLES[kind]}`);
  }
  if (edges.length > 0) lines.push('  classDef internet fill:#f0f2f5,stroke:#5b6475,color:#1d2330');
  for (const kind of [...ROLE_KINDS, 'unknown'] as const) {
    const members = byKind.get(kind);
    if (members) lines.push(`  class ${members.join(',')} kind_${kind}`);
  }
  if (edges.length > 0) lines.push('  class internet internet');
  return `${lines.join('\n')}\n`;
}
