import { setRoleDrag } from '../canvas/drag-data';

/** A minimal DataTransfer (jsdom has none): types, setData, getData; `data` exposes what was set. */
export function fakeDataTransfer() {
  const data = new Map<string, string>();
  return {
    data,
    dropEffect: 'none',
    effectAllowed: 'all',
    get types() {
      return [...data.keys()];
    },
    setData: (type: string, value: string) => void data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
  };
}

/** A DataTransfer as a palette role (or, with `fromNodeId`, a chip) drag starts it. */
export function roleDrag(roleId: string, fromNodeId?: string) {
  const dataTransfer = fakeDataTransfer();
  setRoleDrag(dataTransfer as unknown as DataTransfer, fromNodeId === undefined ? { roleId } : { roleId, fromNodeId });
  return dataTransfer;
}
