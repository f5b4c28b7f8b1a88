import {
  applyNodeChanges,
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge,
  type Node,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { planFlows } from '../core/network/flows';
import type { Position } from '../core/plan/schema';
import { dropRoleOnCanvas } from '../store/editor-actions';
import { useEditor, useEditorStore } from '../store/EditorProvider';
import { selectDiagnosticsByNode, selectPlan, selectSelection } from '../store/selectors';
import { EmptyCanvas } from '../ui/EmptyCanvas';
import { draggedRoleId, readRoleDrag } from './drag-data';
import { flowEdges, INTERNET_NODE_ID } from './flow-edges';
import { InternetNode, type InternetNodeType } from './InternetNode';
import { NodeCard, type CardNode } from './NodeCard';
import { syncFlowNodes } from './sync-flow-nodes';
import './canvas.css';

const nodeTypes: NodeTypes = { card: NodeCard, internet: InternetNode };
const selectShowInternal = (s: { showInternalFlows: boolean }) => s.showInternalFlows;

/** Minimap nodes take the colour of their worst diagnostic. */
function minimapClass(node: Node): string {
  if (node.type !== 'card') return 'minimap-internet';
  const severities = (node as CardNode).data.diagnostics.map((d) => d.severity);
  return severities.includes('error') ? 'minimap-error' : severities.includes('warning') ? 'minimap-warning' : 'minimap-ok';
}
const selectRevealSeq = (s: { revealSeq: number }) => s.revealSeq;
const selectFitSeq = (s: { fitSeq: number }) => s.fitSeq;
const selectPresentation = (s: { presentation: boolean }) => s.presentation;

/** The canvas: the only place that knows React Flow. */
export function PlanCanvas() {
  return (
    <ReactFlowProvider>
      <CanvasFlow />
    </ReactFlowProvider>
  );
}

function CanvasFlow() {
  const store = useEditorStore();
  const plan = useEditor(selectPlan);
  const byNode = useEditor(selectDiagnosticsByNode);
  const selection = useEditor(selectSelection);
  const revealSeq = useEditor(selectRevealSeq);
  const fitSeq = useEditor(selectFitSeq);
  const presentation = useEditor(selectPresentation);
  const { screenToFlowPosition, fitView } = useReactFlow();

  // Flow nodes are derived from the plan, but React Flow owns them between plan changes
  // (live drag positions, measured sizes); they are re-synced whenever the plan changes.
  const [flow, setFlow] = useState(() => ({ plan, byNode, selection, nodes: syncFlowNodes([], plan, byNode, selection) }));
  let nodes = flow.nodes;
  if (flow.plan !== plan || flow.byNode !== byNode || flow.selection !== selection) {
    nodes = syncFlowNodes(flow.nodes, plan, byNode, selection);
    setFlow({ plan, byNode, selection, nodes });
  }

  const showInternal = useEditor(selectShowInternal);
  const flows = useMemo(() => planFlows(plan, { internal: showInternal }), [plan, showInternal]);
  // Edge objects are reused while their label is unchanged, so an edit re-renders no arrow it did not change.
  const previousEdges = useRef(new Map<string, Edge>());
  const edges = useMemo(() => {
    const next = flowEdges(flows, new Set(plan.nodes.map((n) => n.id)), showInternal).map((edge) => {
      const before = previousEdges.current.get(edge.id);
      return before && before.label === edge.label && before.target === edge.target && before.source === edge.source ? before : edge;
    });
    previousEdges.current = new Map(next.map((e) => [e.id, e]));
    return next;
  }, [flows, plan.nodes, showInternal]);
  // The Internet endpoint sits above the top-left of the plan. Its position is derived from the
  // plan (not from live drag positions), so a drag does not re-render every Internet arrow.
  const internetX = plan.nodes.length === 0 ? 0 : Math.min(...plan.nodes.map((n) => n.position?.x ?? 0));
  const internetY = plan.nodes.length === 0 ? -180 : Math.min(...plan.nodes.map((n) => n.position?.y ?? 0)) - 180;
  const [internetMeasured, setInternetMeasured] = useState<InternetNodeType['measured']>();
  const hasInternetEdges = edges.some((e) => e.source === INTERNET_NODE_ID);
  const webmail = plan.webmailHostname;
  const internetNode = useMemo<InternetNodeType | undefined>(
    () =>
      hasInternetEdges
        ? {
            id: INTERNET_NODE_ID,
            type: 'internet',
            position: { x: internetX, y: internetY },
            data: { label: webmail ? `Internet · ${webmail}` : 'Internet' },
            draggable: false,
            selectable: false,
            focusable: false,
            ...(internetMeasured ? { measured: internetMeasured } : {}),
          }
        : undefined,
    [hasInternetEdges, internetX, internetY, internetMeasured, webmail],
  );
  const allNodes = useMemo<Node[]>(() => (internetNode ? [internetNode, ...nodes] : nodes), [internetNode, nodes]);

  const onNodesChange = useCallback(
    (allChanges: NodeChange<Node>[]) => {
      const internetChange = allChanges.find((c) => c.type === 'dimensions' && c.id === INTERNET_NODE_ID);
      if (internetChange?.type === 'dimensions' && internetChange.dimensions) setInternetMeasured(internetChange.dimensions);
      const changes = allChanges.filter((c) => !('id' in c) || c.id !== INTERNET_NODE_ID) as NodeChange<CardNode>[];
      const moved: Record<string, Position> = {};
      let selectionChanged = false;
      for (const change of changes) {
        if (change.type === 'position' && change.position && change.dragging !== true) {
          moved[change.id] = { x: Math.round(change.position.x), y: Math.round(change.position.y) };
        } else if (change.type === 'select') {
          selectionChanged = true;
        }
      }
      setFlow((current) => {
        const next = applyNodeChanges(changes.filter((c) => c.type !== 'remove'), current.nodes);
        if (selectionChanged) {
          const ids = next.filter((n) => n.selected).map((n) => n.id);
          const state = store.getState();
          const same = ids.length === state.selection.nodeIds.length && ids.every((id, i) => state.selection.nodeIds[i] === id);
          if (!same) queueMicrotask(() => store.getState().select({ nodeIds: ids }));
        }
        return { ...current, nodes: next };
      });
      // A drag ends with one position change per dragged node: one undoable step.
      if (Object.keys(moved).length > 0) store.getState().dispatch({ type: 'move-nodes', positions: moved });
    },
    [store],
  );

  useEffect(() => {
    if (revealSeq === 0) return;
    const ids = store.getState().selection.nodeIds;
    if (ids.length > 0) void fitView({ nodes: ids.map((id) => ({ id })), duration: 300, maxZoom: 1.1, padding: 0.5 });
  }, [revealSeq, fitView, store]);

  useEffect(() => {
    if (fitSeq === 0) return;
    const frame = requestAnimationFrame(() => void fitView({ duration: 200, padding: 0.15, maxZoom: 1.2 }));
    return () => cancelAnimationFrame(frame);
  }, [fitSeq, fitView]);

  const onDragOver = (event: DragEvent) => {
    if (draggedRoleId(event.dataTransfer) === undefined) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = event.dataTransfer.effectAllowed === 'move' ? 'move' : 'copy';
  };
  const onDrop = (event: DragEvent) => {
    const drag = readRoleDrag(event.dataTransfer);
    if (!drag) return;
    event.preventDefault();
    const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
    dropRoleOnCanvas(store, drag, { x: at.x - 120, y: at.y - 30 });
  };

  return (
    <div className="canvas" onDragOver={onDragOver} onDrop={onDrop} data-testid="canvas">
      <ReactFlow
        nodes={allNodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
        fitView
        fitViewOptions={{ padding: 0.15, maxZoom: 1.2 }}
        minZoom={0.1}
        maxZoom={2}
        nodesConnectable={false}
        nodesDraggable={!presentation}
        elementsSelectable
        proOptions={{ hideAttribution: true }}
        aria-label="Deployment canvas"
      >
        <Background gap={24} />
        {!presentation && <Controls showInteractive={false} />}
        <MiniMap pannable zoomable ariaLabel="Minimap" nodeStrokeWidth={3} nodeClassName={minimapClass} />
      </ReactFlow>
      {plan.nodes.length === 0 && <EmptyCanvas />}
    </div>
  );
}
