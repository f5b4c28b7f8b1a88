import type { RoleDrag } from '../store/editor-actions';

/**
 * HTML5 drag payloads. The role id is also encoded in a MIME type because browsers only expose
 * the types, not the data, while a drag is over a target: that is how a card can refuse a drop
 * (and say why) before it happens.
 */
const ROLE_TYPE_PREFIX = 'application/x-carbonio-role+';
const CHIP_TYPE = 'application/x-carbonio-chip';


/** Starts a drag of a palette role or of a chip. */
export function setRoleDrag(dataTransfer: DataTransfer, drag: RoleDrag): void {
  dataTransfer.setData(`${ROLE_TYPE_PREFIX}${drag.roleId}`, drag.roleId);
  if (drag.fromNodeId !== undefined) dataTransfer.setData(CHIP_TYPE, JSON.stringify(drag));
  dataTransfer.setData('text/plain', drag.roleId);
  dataTransfer.effectAllowed = drag.fromNodeId !== undefined ? 'move' : 'copy';
}

/** The role being dragged, readable during dragover (from the types). */
export function draggedRoleId(dataTransfer: DataTransfer): string | undefined {
  for (const type of Array.from(dataTransfer.types)) {
    if (type.startsWith(ROLE_TYPE_PREFIX)) return type.slice(ROLE_TYPE_PREFIX.length);
  }
  return undefined;
}

/** Whether the drag is a chip move (readable during dragover). */
export function isChipDrag(dataTransfer: DataTransfer): boolean {
  return Array.from(dataTransfer.types).includes(CHIP_TYPE);
}

/** The full payload, readable on drop. */
export function readRoleDrag(dataTransfer: DataTransfer): RoleDrag | undefined {
  const chip = dataTransfer.getData(CHIP_TYPE);
  if (chip) {
    try {
      const parsed = JSON.parse(chip) as Partial<RoleDrag>;
      if (typeof parsed.roleId === 'string' && typeof parsed.fromNodeId === 'string') {
        return { roleId: parsed.roleId, fromNodeId: parsed.fromNodeId };
      }
    } catch {
      return undefined;
    }
  }
  const roleId = draggedRoleId(dataTransfer);
  return roleId ? { roleId } : undefined;
}
