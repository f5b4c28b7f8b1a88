import { useId } from 'react';
import type { NodeFields } from '../core/commands/commands';
import { SUPPORTED_OS } from '../core/catalog/os';
import type { PlanNode, Resources, Zone } from '../core/plan/schema';
import { useEditorStore } from '../store/EditorProvider';
import { CommitField } from './CommitField';

type Amount = { value: number | undefined } | { error: string };

/** Parses a resource figure: empty clears it, otherwise a finite number >= 0. */
export function parseAmount(text: string): Amount {
  const trimmed = text.trim();
  if (trimmed === '') return { value: undefined };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { error: 'Enter a number, or leave empty.' };
  if (value < 0) return { error: 'Must be 0 or more.' };
  return { value };
}

const RESOURCE_FIELDS: readonly { key: keyof Resources; label: string }[] = [
  { key: 'vcpu', label: 'vCPU' },
  { key: 'ramGb', label: 'RAM (GB)' },
  { key: 'diskGb', label: 'Disk (GB)' },
];

/**
 * The editable fields of one node. Each edit is one `update-node` command. Mount it with
 * `key={node.id}` so drafts never leak from one node to another.
 */
export function NodeForm({ node }: { node: PlanNode }) {
  const store = useEditorStore();
  const zoneId = useId();
  const osId = useId();

  /** Applies changes unless the node changed under a pending draft (undo, another plan opened). */
  const update = (changes: NodeFields, unmounting = false) => {
    const { plan, dispatch } = store.getState();
    if (unmounting && plan.nodes.find((n) => n.id === node.id) !== node) return;
    dispatch({ type: 'update-node', nodeId: node.id, changes });
  };

  const commitText =
    (key: 'hostname' | 'privateIp' | 'publicIp') =>
    (text: string, unmounting: boolean): undefined => {
      const trimmed = text.trim();
      // The hostname is required by the plan format: cleared, it stays an empty string.
      const value = trimmed === '' && key !== 'hostname' ? undefined : trimmed;
      if (value !== node[key]) update({ [key]: value }, unmounting);
      return undefined;
    };

  const commitAmount =
    (key: keyof Resources) =>
    (text: string, unmounting: boolean): string | undefined => {
      const parsed = parseAmount(text);
      if ('error' in parsed) return parsed.error;
      if (parsed.value === node.resources?.[key]) return undefined;
      const resources: Resources = { ...node.resources, [key]: parsed.value };
      if (parsed.value === undefined) delete resources[key];
      update({ resources: Object.keys(resources).length > 0 ? resources : undefined }, unmounting);
      return undefined;
    };

  const knownOs = node.os === undefined || SUPPORTED_OS.some((os) => os.id === node.os);

  return (
    <div className="node-form">
      <CommitField label="Hostname" value={node.hostname} onCommit={commitText('hostname')} placeholder="mail.example.com" spellCheck={false} />
      <CommitField label="Private IP" value={node.privateIp ?? ''} onCommit={commitText('privateIp')} placeholder="10.0.0.10" spellCheck={false} />
      <CommitField label="Public IP" value={node.publicIp ?? ''} onCommit={commitText('publicIp')} spellCheck={false} />
      <div className="field">
        <label htmlFor={zoneId}>Zone</label>
        <select
          id={zoneId}
          value={node.zone ?? ''}
          onChange={(e) => update({ zone: (e.target.value || undefined) as Zone | undefined })}
        >
          <option value="">none</option>
          <option value="lan">LAN</option>
          <option value="dmz">DMZ</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={osId}>OS</label>
        <select id={osId} value={node.os ?? ''} onChange={(e) => update({ os: e.target.value || undefined })}>
          <option value="">not set</option>
          {SUPPORTED_OS.map((os) => (
            <option key={os.id} value={os.id}>
              {os.name}
            </option>
          ))}
          {!knownOs && <option value={node.os}>{node.os} (not supported)</option>}
        </select>
      </div>
      <div className="node-form-resources">
        {RESOURCE_FIELDS.map(({ key, label }) => (
          <CommitField
            key={key}
            label={label}
            value={node.resources?.[key]?.toString() ?? ''}
            onCommit={commitAmount(key)}
            inputMode="decimal"
          />
        ))}
      </div>
    </div>
  );
}
