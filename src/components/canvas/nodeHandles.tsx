/** The fixed handles every layout node carries, for the flow's own edges and mapping lines. */
import { Handle, Position } from '@xyflow/react';

/** The handles (not connectable: mappings start on output pills). */
export const handles = (
  <>
    <Handle type="target" position={Position.Left} isConnectable={false} />
    <Handle type="source" position={Position.Right} isConnectable={false} />
    <Handle id="below" type="source" position={Position.Bottom} isConnectable={false} />
    <Handle
      id="map-in"
      type="target"
      position={Position.Top}
      isConnectable={false}
      className="map-handle"
    />
    <Handle
      id="map-out"
      type="source"
      position={Position.Top}
      isConnectable={false}
      className="map-handle"
    />
  </>
);
