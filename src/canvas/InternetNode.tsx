import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';

export type InternetNodeType = Node<{ label: string }, 'internet'>;

/** Where client traffic comes from: drawn above the plan, with arrows to the public-facing nodes. */
export const InternetNode = memo(function InternetNode({ data }: NodeProps<InternetNodeType>) {
  return (
    <div className="internet-node">
      {data.label}
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="flow-handle" />
    </div>
  );
});
