// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithStore } from '../test/render-with-store';
import ceFiveNodes from '../core/templates/ce-five-nodes.json';
import { loadPlanValue } from '../core/plan/loader';
import type { Plan } from '../core/plan/schema';
import { makePlan, validatePlan } from '../core/test-support/plan-builder';
import type { EditorStore } from '../store/editor-store';
import { ProblemsPanel, problemsSummary } from './ProblemsPanel';

function renderPanel(plan: Plan): EditorStore {
  return renderWithStore(<ProblemsPanel />, plan);
}

/** The list of one severity group, found by its heading ("Errors (2)"). */
function group(name: 'Errors' | 'Warnings' | 'Info') {
  return screen.getByRole('list', { name: new RegExp(`^${name}\\b`) });
}

// Files UI on srv3, which has no Proxy: ui-on-proxy on n3 (and ui-missing on the Proxy, n2).
const misplacedUi = () =>
  makePlan([
    ['srv1.example.com', ['mesh-directory', 'database']],
    ['srv2.example.com', ['mta', 'proxy']],
    ['srv3.example.com', ['mailstore', 'files', 'files-ui']],
  ]);

// Files without its UI anywhere: only ui-missing on the Proxy node (n2) among the errors.
const missingUi = () =>
  makePlan([
    ['srv1.example.com', ['mesh-directory', 'database']],
    ['srv2.example.com', ['mta', 'proxy']],
    ['srv3.example.com', ['mailstore', 'files']],
  ]);

describe('ProblemsPanel', () => {
  it('lists a ui-on-proxy error in the Errors group with its rule, message and source', () => {
    const plan = misplacedUi();
    const expected = validatePlan(plan).find((d) => d.rule === 'ui-on-proxy')!;
    expect(expected).toBeDefined();
    renderPanel(plan);

    const panel = screen.getByRole('region', { name: 'Problems' });
    expect(within(panel).getByText('2 errors · 1 warning · 2 infos')).toBeInTheDocument();

    const errors = group('Errors');
    const item = within(errors)
      .getAllByRole('listitem')
      .find((li) => within(li).queryByText('ui-on-proxy') !== null)!;
    expect(item).toBeDefined();
    expect(within(item).getByText('ui-on-proxy').tagName).toBe('CODE');
    expect(within(item).getByRole('button', { name: expected.message })).toBeInTheDocument();
    expect(within(item).getByText(expected.source)).toHaveClass('problem-source');
    expect(within(item).getByRole('button', { name: `Fix: ${expected.fix!.label}` })).toBeInTheDocument();

    // The other groups hold the rest, each in its own list.
    expect(within(group('Warnings')).getByText('dedicated-node')).toBeInTheDocument();
    expect(within(group('Info')).getAllByRole('listitem')).toHaveLength(2);
    expect(within(errors).queryByText('dedicated-node')).not.toBeInTheDocument();
  });

  it('selects and reveals the node when the finding is clicked', async () => {
    const user = userEvent.setup();
    const plan = misplacedUi();
    const d = validatePlan(plan).find((x) => x.rule === 'ui-on-proxy')!;
    const store = renderPanel(plan);
    expect(store.getState().selection.nodeIds).toEqual([]);
    expect(store.getState().revealSeq).toBe(0);

    await user.click(screen.getByRole('button', { name: d.message }));

    expect(store.getState().selection.nodeIds).toEqual(['n3']);
    expect(store.getState().revealSeq).toBe(1);
    // Revealing does not edit the plan.
    expect(store.getState().past).toHaveLength(0);
  });

  it('reveals from the keyboard too (Enter and Space on the focused finding)', async () => {
    const user = userEvent.setup();
    const plan = misplacedUi();
    const diagnostics = validatePlan(plan);
    const onProxy = diagnostics.find((x) => x.rule === 'ui-on-proxy')!;
    const missing = diagnostics.find((x) => x.rule === 'ui-missing')!;
    const store = renderPanel(plan);

    const button = screen.getByRole('button', { name: onProxy.message });
    act(() => button.focus());
    expect(button).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(store.getState().selection.nodeIds).toEqual(['n3']);
    expect(store.getState().revealSeq).toBe(1);

    act(() => screen.getByRole('button', { name: missing.message }).focus());
    await user.keyboard(' ');
    expect(store.getState().selection.nodeIds).toEqual(['n2']);
    expect(store.getState().revealSeq).toBe(2);
  });

  it('shows plan-wide findings as text, not as a button that does nothing', () => {
    const plan = misplacedUi();
    const planWide = validatePlan(plan).find((d) => d.nodeIds.length === 0)!;
    expect(planWide).toBeDefined();
    renderPanel(plan);
    expect(within(group('Info')).getByText(planWide.message).tagName).toBe('P');
    expect(screen.queryByRole('button', { name: planWide.message })).not.toBeInTheDocument();
  });

  it('applies a fix as one undoable step: the error goes, and undo brings it back', async () => {
    const user = userEvent.setup();
    const plan = missingUi();
    const d = validatePlan(plan).find((x) => x.rule === 'ui-missing')!;
    expect(d.fix).toBeDefined();
    const store = renderPanel(plan);

    expect(within(group('Errors')).getByText('ui-missing')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Fix: Add Files UI to every Proxy node' }));

    expect(store.getState().plan.nodes[1]!.roles).toContain('files-ui');
    expect(store.getState().past).toHaveLength(1);
    expect(screen.queryByText('ui-missing')).not.toBeInTheDocument();
    expect(screen.queryByRole('list', { name: /^Errors\b/ })).not.toBeInTheDocument();
    expect(screen.getByText('No errors · 1 warning · 2 infos')).toBeInTheDocument();
    // Focus stays in the panel once the fixed finding's button is gone.
    expect(screen.getByRole('heading', { name: 'Problems' })).toHaveFocus();

    act(() => store.getState().undo());

    expect(store.getState().plan.nodes[1]!.roles).not.toContain('files-ui');
    expect(within(group('Errors')).getByText('ui-missing')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: d.message })).toBeInTheDocument();
    expect(screen.getByText('1 error · 1 warning · 2 infos')).toBeInTheDocument();
  });

  it('says "No errors" for the documented CE five-node template', () => {
    const loaded = loadPlanValue(ceFiveNodes);
    if (!loaded.ok) throw new Error('template does not load');
    renderPanel(loaded.plan);

    const panel = screen.getByRole('region', { name: 'Problems' });
    expect(within(panel).getByText(/^No errors/)).toHaveTextContent('No errors · 2 warnings · 2 infos');
    expect(within(panel).queryByRole('list', { name: /^Errors\b/ })).not.toBeInTheDocument();
    expect(within(group('Warnings')).getAllByRole('listitem')).toHaveLength(2);
  });

  it('says plainly when there is nothing to report', () => {
    renderPanel(
      makePlan([
        ['mail.example.com', ['mesh-directory', 'database', 'mta', 'proxy', 'mailstore'], { resources: { vcpu: 8, ramGb: 32, diskGb: 200 } }],
      ]),
    );
    const panel = screen.getByRole('region', { name: 'Problems' });
    expect(within(panel).getByText('No problems: the plan follows every rule the designer checks.')).toBeInTheDocument();
    expect(within(panel).queryAllByRole('list')).toHaveLength(0);
  });

  it('follows the plan as it is edited', () => {
    const store = renderPanel(missingUi());
    expect(screen.getByText('1 error · 1 warning · 2 infos')).toBeInTheDocument();
    act(() => {
      store.getState().dispatch({ type: 'remove-role', nodeId: 'n3', roleId: 'files' });
    });
    expect(screen.getByText('No errors · 1 warning · 2 infos')).toBeInTheDocument();
  });
});

describe('problemsSummary', () => {
  it('counts with the right plurals and leaves out zero warnings and infos', () => {
    expect(problemsSummary({ error: 2, warning: 3, info: 1 })).toBe('2 errors · 3 warnings · 1 info');
    expect(problemsSummary({ error: 1, warning: 0, info: 0 })).toBe('1 error');
    expect(problemsSummary({ error: 0, warning: 2, info: 0 })).toBe('No errors · 2 warnings');
    expect(problemsSummary({ error: 0, warning: 0, info: 3 })).toBe('No errors · 3 infos');
    expect(problemsSummary({ error: 0, warning: 0, info: 0 })).toBe(
      'No problems: the plan follows every rule the designer checks.',
    );
  });
});
