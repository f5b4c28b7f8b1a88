import { SOURCES } from '../../catalog/sources';
import type { Diagnostic } from '../diagnostic';
import type { Rule } from '../rule';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;

/** Why a hostname is not a usable FQDN, or `undefined` when it is one. */
export function hostnameProblem(hostname: string): string | undefined {
  const name = hostname.trim().replace(/\.$/, '');
  if (name === '') return 'has no hostname';
  if (name.length > 253) return `has a hostname of ${name.length} characters (at most 253)`;
  const labels = name.split('.');
  if (labels.some((l) => !LABEL.test(l))) {
    return 'has a hostname that is not a valid DNS name (letters, digits and hyphens between dots)';
  }
  if (name !== hostname.replace(/\.$/, '')) return 'has spaces around its hostname';
  if (labels.length < 2) return 'has a short hostname, not a fully qualified domain name';
  if (/^\d+$/.test(labels[labels.length - 1]!)) return 'has an IP address where a hostname belongs';
  return undefined;
}

/** A hostname that is not a fully qualified domain name: the Ansible playbook rejects short names from 26.6.0. */
export const hostnameFqdn: Rule = {
  id: 'hostname-fqdn',
  summary: 'Every node has a fully qualified domain name (e.g. srv1.example.com).',
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const node of ctx.plan.nodes) {
      const problem = hostnameProblem(node.hostname);
      if (!problem) continue;
      const shown = node.hostname.trim() === '' ? `Node "${node.id}"` : `${node.hostname.trim()} (node "${node.id}")`;
      out.push({
        rule: this.id,
        severity: 'warning',
        message: `${shown} ${problem}. Use an FQDN such as srv1.example.com that every node resolves: the installer rejects short names from 26.6.0.`,
        nodeIds: [node.id],
        source: SOURCES.nodeNetwork,
      });
    }
    return out;
  },
};
