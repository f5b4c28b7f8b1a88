import { describe, expect, it } from 'vitest';
import { draggedRoleId, isChipDrag, readRoleDrag, setRoleDrag } from './drag-data';

/**
 * A minimal DataTransfer (the node environment has none). `protectedMode` mimics a browser
 * during dragover: the types are listed but getData returns ''.
 */
class FakeDataTransfer {
  readonly data = new Map<string, string>();
  dropEffect: DataTransfer['dropEffect'] = 'none';
  effectAllowed: DataTransfer['effectAllowed'] = 'uninitialized';
  protectedMode = false;
  get types(): readonly string[] {
    return [...this.data.keys()];
  }
  setData(type: string, value: string): void {
    this.data.set(type, value);
  }
  getData(type: string): string {
    return this.protectedMode ? '' : (this.data.get(type) ?? '');
  }
}

const fake = () => new FakeDataTransfer();
const asDataTransfer = (dt: FakeDataTransfer) => dt as unknown as DataTransfer;

describe('drag data', () => {
  it('round-trips a palette role (an add)', () => {
    const dt = fake();
    setRoleDrag(asDataTransfer(dt), { roleId: 'files-ui' });
    expect(dt.effectAllowed).toBe('copy');
    expect(dt.getData('text/plain')).toBe('files-ui');
    expect(draggedRoleId(asDataTransfer(dt))).toBe('files-ui');
    expect(isChipDrag(asDataTransfer(dt))).toBe(false);
    expect(readRoleDrag(asDataTransfer(dt))).toEqual({ roleId: 'files-ui' });
  });

  it('round-trips a chip (a move from its node)', () => {
    const dt = fake();
    setRoleDrag(asDataTransfer(dt), { roleId: 'mta', fromNodeId: 'n2' });
    expect(dt.effectAllowed).toBe('move');
    expect(draggedRoleId(asDataTransfer(dt))).toBe('mta');
    expect(isChipDrag(asDataTransfer(dt))).toBe(true);
    expect(readRoleDrag(asDataTransfer(dt))).toEqual({ roleId: 'mta', fromNodeId: 'n2' });
  });

  it('exposes the role and the chip flag from the types alone, as during dragover', () => {
    const dt = fake();
    setRoleDrag(asDataTransfer(dt), { roleId: 'video-server', fromNodeId: 'n7' });
    dt.protectedMode = true;
    expect(draggedRoleId(asDataTransfer(dt))).toBe('video-server');
    expect(isChipDrag(asDataTransfer(dt))).toBe(true);
  });

  it('keeps odd node ids intact', () => {
    const dt = fake();
    setRoleDrag(asDataTransfer(dt), { roleId: 'proxy', fromNodeId: 'node "a" + b/c' });
    expect(readRoleDrag(asDataTransfer(dt))).toEqual({ roleId: 'proxy', fromNodeId: 'node "a" + b/c' });
  });

  it('ignores drags that are not roles (files, text, links)', () => {
    const dt = fake();
    dt.setData('text/plain', 'proxy');
    dt.setData('Files', '');
    expect(draggedRoleId(asDataTransfer(dt))).toBeUndefined();
    expect(isChipDrag(asDataTransfer(dt))).toBe(false);
    expect(readRoleDrag(asDataTransfer(dt))).toBeUndefined();
    expect(readRoleDrag(asDataTransfer(fake()))).toBeUndefined();
  });

  it('rejects a malformed chip payload', () => {
    const broken = fake();
    broken.setData('application/x-carbonio-chip', '{not json');
    broken.setData('application/x-carbonio-role+mta', 'mta');
    expect(readRoleDrag(asDataTransfer(broken))).toBeUndefined();
  });

  it('falls back to a plain add when the chip payload lacks its node', () => {
    const partial = fake();
    partial.setData('application/x-carbonio-chip', JSON.stringify({ roleId: 'mta' }));
    partial.setData('application/x-carbonio-role+mta', 'mta');
    expect(readRoleDrag(asDataTransfer(partial))).toEqual({ roleId: 'mta' });
  });
});
