// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithStore } from '../test/render-with-store';
import type { Plan } from '../core/plan/schema';
import { makePlan } from '../core/test-support/plan-builder';
import type { EditorStore } from '../store/editor-store';
import { formatDisk, StatusBar } from './StatusBar';

function renderBar(plan: Plan): EditorStore {
  return renderWithStore(<StatusBar />, plan);
}

const bar = () => screen.getByRole('status', { name: 'Plan summary' });

// The docs' five-node CE scenario (MTA and Proxy share a node: one dedicated-node warning), sized.
const sizedFiveNodes = () =>
  makePlan([
    ['srv1.example.com', ['mesh-directory', 'database', 'monitoring'], { resources: { vcpu: 8, ramGb: 16, diskGb: 100 } }],
    ['srv2.example.com', ['mta', 'proxy', 'files-ui', 'tasks-ui', 'chats-ui'], { resources: { vcpu: 8, ramGb: 16, diskGb: 100 } }],
    ['srv3.example.com', ['mailstore', 'tasks'], { resources: { vcpu: 8, ramGb: 24, diskGb: 300 } }],
    ['srv4.example.com', ['files', 'docs', 'preview'], { resources: { vcpu: 8, ramGb: 24, diskGb: 100 } }],
    ['srv5.example.com', ['chats'], { resources: { vcpu: 8, ramGb: 16, diskGb: 100 } }],
  ]);

describe('StatusBar', () => {
  it('sums nodes, roles and resources and counts the findings', () => {
    renderBar(sizedFiveNodes());
    expect(bar()).toHaveTextContent(
      /^5 nodes · 14 roles · 40 vCPU · 96 GB RAM · 700 GB disk · 0 errors · 1 warning$/,
    );
    expect(bar().tagName).toBe('FOOTER');
  });

  it('updates after a dispatch, and again after undo', () => {
    const store = renderBar(sizedFiveNodes());
    act(() => {
      store.getState().dispatch([
        { type: 'update-node', nodeId: 'n3', changes: { resources: { vcpu: 16, ramGb: 64, diskGb: 1500 } } },
        { type: 'remove-role', nodeId: 'n2', roleId: 'files-ui' },
      ]);
    });
    // 40 - 8 + 16 vCPU, 96 - 24 + 64 GB, 700 - 300 + 1500 GB = 1.9 TB; Files UI missing on the Proxy is an error.
    expect(bar()).toHaveTextContent(
      /^5 nodes · 13 roles · 48 vCPU · 136 GB RAM · 1\.9 TB disk · 1 error · 1 warning$/,
    );
    act(() => store.getState().undo());
    expect(bar()).toHaveTextContent(/^5 nodes · 14 roles · 40 vCPU · 96 GB RAM · 700 GB disk · 0 errors · 1 warning$/);
  });

  it('says how many nodes lack a resources figure', () => {
    renderBar(
      makePlan([
        ['mail.example.com', ['mesh-directory', 'database', 'mta', 'proxy', 'mailstore']],
        ['files.example.com', ['files'], { resources: { vcpu: 4, ramGb: 16 } }],
        ['spare.example.com', []],
      ]),
    );
    // No node has all three figures; unknown ones count as zero. Files without its UI is an error,
    // the empty node and the shared MTA/Proxy are warnings.
    expect(bar()).toHaveTextContent(
      /^3 nodes · 6 roles · 4 vCPU · 16 GB RAM · 0 GB disk \(3 nodes without resources\) · 1 error · 2 warnings$/,
    );
  });

  it('uses the singular for one node, one role and one node without resources', () => {
    renderBar(makePlan([['mail.example.com', ['mailstore'], { resources: { vcpu: 4, ramGb: 16 } }]]));
    // Four core roles are missing: four errors.
    expect(bar()).toHaveTextContent(
      /^1 node · 1 role · 4 vCPU · 16 GB RAM · 0 GB disk \(1 node without resources\) · 4 errors · 0 warnings$/,
    );
  });

  it('adds no missing-resources note when every node is sized, and says "1 error"', () => {
    const store = renderBar(
      makePlan([
        ['mail.example.com', ['mesh-directory', 'database', 'mta', 'proxy', 'mailstore'], { resources: { vcpu: 8, ramGb: 32, diskGb: 200 } }],
      ]),
    );
    expect(bar()).toHaveTextContent(/^1 node · 5 roles · 8 vCPU · 32 GB RAM · 200 GB disk · 0 errors · 0 warnings$/);
    expect(bar().textContent).not.toContain('without resources');

    // Files without Files UI on the Proxy: one error, and it shows in the error colour.
    act(() => {
      store.getState().dispatch({ type: 'add-role', nodeId: 'n1', roleId: 'files' });
    });
    expect(bar()).toHaveTextContent(/^1 node · 6 roles · 8 vCPU · 32 GB RAM · 200 GB disk · 1 error · 0 warnings$/);
    expect(screen.getByText('1 error')).toHaveClass('status-bar-error');
    expect(screen.getByText('0 warnings')).not.toHaveClass('status-bar-warning');
  });
});

describe('formatDisk', () => {
  it('shows GB below 1000 and TB with one decimal from there', () => {
    expect(formatDisk(0)).toBe('0 GB');
    expect(formatDisk(999)).toBe('999 GB');
    expect(formatDisk(1000)).toBe('1.0 TB');
    expect(formatDisk(1950)).toBe('2.0 TB');
    expect(formatDisk(12345)).toBe('12.3 TB');
  });
});
