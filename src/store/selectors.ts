import { getCatalog, type Catalog } from '../core/catalog/catalog';
import { INTERNET, planFlows } from '../core/network/flows';
import type { Plan, PlanNode } from '../core/plan/schema';
import type { Diagnostic, Severity } from '../core/validation/diagnostic';
import { countBySeverity, validate } from '../core/validation/validate';
import type { EditorState } from './editor-store';

// Derived data is cached per plan object: plans are immutable, so identity is a safe key.
const diagnosticsCache = new WeakMap<Plan, Diagnostic[]>();

export const selectPlan = (s: EditorState) => s.plan;
export const selectCatalog = (s: EditorState): Catalog => getCatalog(s.plan.edition);
export const selectSelection = (s: EditorState) => s.selection;
export const selectCanUndo = (s: EditorState) => s.past.length > 0;
export const selectCanRedo = (s: EditorState) => s.future.length > 0;

/** Diagnostics of the current plan, computed once per plan version. */
export function selectDiagnostics(s: EditorState): Diagnostic[] {
  let diagnostics = diagnosticsCache.get(s.plan);
  if (!diagnostics) {
    diagnostics = validate(s.plan, getCatalog(s.plan.edition));
    diagnosticsCache.set(s.plan, diagnostics);
  }
  return diagnostics;
}

/** Per node id: its diagnostics (multi-node findings appear under each node concerned). */
const byNodeCache = new WeakMap<Diagnostic[], Map<string, Diagnostic[]>>();
export function selectDiagnosticsByNode(s: EditorState): Map<string, Diagnostic[]> {
  const diagnostics = selectDiagnostics(s);
  let byNode = byNodeCache.get(diagnostics);
  if (!byNode) {
    byNode = new Map();
    for (const d of diagnostics) {
      for (const id of d.nodeIds) {
        const list = byNode.get(id);
        if (list) list.push(d);
        else byNode.set(id, [d]);
      }
    }
    byNodeCache.set(diagnostics, byNode);
  }
  return byNode;
}

const countsCache = new WeakMap<Diagnostic[], Record<Severity, number>>();
export function selectCounts(s: EditorState): Record<Severity, number> {
  const diagnostics = selectDiagnostics(s);
  let counts = countsCache.get(diagnostics);
  if (!counts) {
    counts = countBySeverity(diagnostics);
    countsCache.set(diagnostics, counts);
  }
  return counts;
}

/** Plan totals for the status bar. Unknown resources count as zero and are reported as missing. */
export interface PlanTotals {
  readonly nodes: number;
  readonly roles: number;
  readonly vcpu: number;
  readonly ramGb: number;
  readonly diskGb: number;
  /** Nodes without a figure for at least one resource. */
  readonly nodesWithoutResources: number;
}

const totalsCache = new WeakMap<Plan, PlanTotals>();
export function selectTotals(s: EditorState): PlanTotals {
  let totals = totalsCache.get(s.plan);
  if (!totals) {
    totals = computeTotals(s.plan.nodes);
    totalsCache.set(s.plan, totals);
  }
  return totals;
}

export function computeTotals(nodes: readonly PlanNode[]): PlanTotals {
  let roles = 0;
  let vcpu = 0;
  let ramGb = 0;
  let diskGb = 0;
  let missing = 0;
  for (const node of nodes) {
    roles += node.roles.length;
    const r = node.resources;
    vcpu += r?.vcpu ?? 0;
    ramGb += r?.ramGb ?? 0;
    diskGb += r?.diskGb ?? 0;
    if (r?.vcpu === undefined || r.ramGb === undefined || r.diskGb === undefined) missing++;
  }
  return { nodes: nodes.length, roles, vcpu, ramGb, diskGb, nodesWithoutResources: missing };
}

/** The selected node when exactly one is selected. */
export function selectSelectedNode(s: EditorState): PlanNode | undefined {
  const id = s.selection.role?.nodeId ?? (s.selection.nodeIds.length === 1 ? s.selection.nodeIds[0] : undefined);
  return id === undefined ? undefined : s.plan.nodes.find((n) => n.id === id);
}

const internetPortsCache = new WeakMap<Plan, Map<string, string>>();
/** Per node id, the ports it serves to the Internet ("80, 443 · UDP 20000-40000"), from the flows. */
export function selectInternetPorts(s: EditorState): Map<string, string> {
  let ports = internetPortsCache.get(s.plan);
  if (!ports) {
    ports = new Map();
    for (const flow of planFlows(s.plan, { internal: false })) {
      if (flow.from !== INTERNET) continue;
      const label = `${flow.protocol === 'udp' ? 'UDP ' : ''}${flow.ports}`;
      const before = ports.get(flow.to);
      ports.set(flow.to, before ? `${before} · ${label}` : label);
    }
    internetPortsCache.set(s.plan, ports);
  }
  return ports;
}
