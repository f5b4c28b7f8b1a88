import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo, useState, type DragEvent } from 'react';
import { getCatalog } from '../core/catalog/catalog';
import type { Edition } from '../core/catalog/role-ids';
import { roleDropRefusal } from '../core/commands/node-factory';
import type { PlanNode } from '../core/plan/schema';
import type { Diagnostic, Severity } from '../core/validation/diagnostic';
import { dropRoleOnNode } from '../store/editor-actions';
import { useEditor, useEditorStore } from '../store/EditorProvider';
import { selectInternetPorts } from '../store/selectors';
import { draggedRoleId, readRoleDrag } from './drag-data';
import { RoleChip } from './RoleChip';

/** What a card shows: the plan node and its diagnostics. */
export interface CardData extends Record<string, unknown> {
  readonly node: PlanNode;
  readonly edition: Edition;
  readonly diagnostics: readonly Diagnostic[];
  /** The role chip selected on this node, if any. */
  readonly selectedRole: string | undefined;
}
export type CardNode = Node<CardData, 'card'>;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function worst(a: Severity | undefined, b: Severity): Severity {
  return a === undefined || RANK[b] < RANK[a] ? b : a;
}

/** UI roles sit right after the Proxy chip, as the docs pile UI boxes on the Proxy box. */
function displayOrder(roles: readonly string[]): string[] {
  const ui = roles.filter((r) => r.endsWith('-ui'));
  const rest = roles.filter((r) => !r.endsWith('-ui'));
  const proxyAt = rest.indexOf('proxy');
  return proxyAt < 0 ? [...rest, ...ui] : [...rest.slice(0, proxyAt + 1), ...ui, ...rest.slice(proxyAt + 1)];
}

/** A node (server) on the canvas: hostname, addresses, zone, and its roles as chips. */
export const NodeCard = memo(function NodeCard({ data, selected }: NodeProps<CardNode>) {
  const store = useEditorStore();
  const { node, edition, diagnostics, selectedRole } = data;
  const catalog = getCatalog(edition);
  const [dropState, setDropState] = useState<{ ok: boolean; reason?: string } | undefined>();
  const internetPorts = useEditor((s) => selectInternetPorts(s).get(node.id));

  const counts = { error: 0, warning: 0 };
  const roleSeverity = new Map<string, Severity>();
  for (const d of diagnostics) {
    if (d.severity === 'error') counts.error++;
    else if (d.severity === 'warning') counts.warning++;
    if (d.roleId && node.roles.includes(d.roleId) && d.severity !== 'info') {
      roleSeverity.set(d.roleId, worst(roleSeverity.get(d.roleId), d.severity));
    }
  }
  const hostname = node.hostname.trim() || `(no hostname: ${node.id})`;
  const address = [node.privateIp, node.publicIp, node.zone?.toUpperCase()].filter(Boolean).join(' · ');

  const onDragOver = (event: DragEvent) => {
    const roleId = draggedRoleId(event.dataTransfer);
    if (roleId === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    const reason = roleDropRefusal(store.getState().plan, catalog, node.id, roleId);
    // A refused drop is still accepted by the card, so that releasing it explains why (the
    // reason also shows on the card while hovering); dropRoleOnNode then changes nothing.
    event.dataTransfer.dropEffect = event.dataTransfer.effectAllowed === 'move' ? 'move' : 'copy';
    if (dropState?.ok !== !reason || dropState?.reason !== reason) setDropState(reason ? { ok: false, reason } : { ok: true });
  };
  const onDrop = (event: DragEvent) => {
    const drag = readRoleDrag(event.dataTransfer);
    setDropState(undefined);
    if (!drag) return;
    event.preventDefault();
    event.stopPropagation();
    dropRoleOnNode(store, drag, node.id);
  };

  const classes = ['card'];
  if (counts.error > 0) classes.push('card-error');
  else if (counts.warning > 0) classes.push('card-warning');
  if (selected) classes.push('card-selected');
  if (dropState) classes.push(dropState.ok ? 'card-drop-ok' : 'card-drop-refused');

  return (
    <div
      className={classes.join(' ')}
      data-node-id={node.id}
      onDragOver={onDragOver}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as globalThis.Node | null)) setDropState(undefined);
      }}
      onDrop={onDrop}
    >
      {/* Anchors for the flow arrows; nobody connects nodes by hand here. */}
      <Handle type="target" position={Position.Top} isConnectable={false} className="flow-handle" />
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="flow-handle" />
      <Handle type="target" id="internet" position={Position.Right} isConnectable={false} className="flow-handle" />
      <header className="card-header">
        <span className="card-hostname">{hostname}</span>
        {counts.error > 0 && (
          <span className="badge badge-error" title={`${counts.error} error${counts.error > 1 ? 's' : ''}`}>
            {counts.error}
            <span className="visually-hidden"> error{counts.error > 1 ? 's' : ''}</span>
          </span>
        )}
        {counts.warning > 0 && (
          <span className="badge badge-warning" title={`${counts.warning} warning${counts.warning > 1 ? 's' : ''}`}>
            {counts.warning}
            <span className="visually-hidden"> warning{counts.warning > 1 ? 's' : ''}</span>
          </span>
        )}
      </header>
      <div className="card-address">{address || 'no address yet'}</div>
      {internetPorts && (
        <div className="card-internet" title="Ports open to the Internet (from the services offered)">
          Internet: {internetPorts}
        </div>
      )}
      {node.roles.length === 0 ? (
        <p className="card-empty">Drop a role here</p>
      ) : (
        <ul className="chips" aria-label={`Roles on ${hostname}`}>
          {displayOrder(node.roles).map((roleId, i) => (
            <RoleChip
              key={`${roleId}-${i}`}
              nodeId={node.id}
              hostname={hostname}
              roleId={roleId}
              role={catalog.get(roleId)}
              severity={roleSeverity.get(roleId)}
              selected={selectedRole === roleId}
            />
          ))}
        </ul>
      )}
      <button
        type="button"
        className="card-add-role nodrag"
        onClick={(e) => {
          e.stopPropagation();
          store.getState().select({ nodeIds: [node.id] });
          store.getState().openAddRole(node.id);
        }}
      >
        Add role…
      </button>
      {dropState && !dropState.ok && (
        <div className="card-drop-reason" role="status">
          {dropState.reason}
        </div>
      )}
    </div>
  );
});
