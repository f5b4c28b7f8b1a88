// Bench-only page: the same 200 nodes drawn by bare React Flow (default nodes, no validation),
// the baseline the designer's drag frame times are compared with.
import { ReactFlow, useNodesState, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { createRoot } from 'react-dom/client';
import { syntheticPlan } from '../scripts/synthetic-plan';

const size = Number(new URLSearchParams(location.search).get('nodes') ?? 200);
const initial: Node[] = syntheticPlan(size).nodes.map((n) => ({
  id: n.id,
  position: n.position ?? { x: 0, y: 0 },
  data: { label: `${n.hostname} · ${n.roles.join(', ')}` },
  style: { width: 280 },
}));

function BareFlow() {
  const [nodes, , onNodesChange] = useNodesState(initial);
  return <ReactFlow nodes={nodes} edges={[]} onNodesChange={onNodesChange} fitView minZoom={0.05} />;
}

createRoot(document.getElementById('root')!).render(<BareFlow />);
