// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { templatePlan } from '../core/test-support/plan-builder';
import { renderWithStore } from '../test/render-with-store';
import { BottomPanel } from './BottomPanel';
import { CapacityPanel } from './CapacityPanel';
import { NetworkPanel } from './NetworkPanel';

describe('Network panel', () => {
  it('lists the services with their exposure, and a change is one undoable plan edit', async () => {
    const user = userEvent.setup();
    const store = renderWithStore(<NetworkPanel />, templatePlan('ce-five-nodes'));
    const imap = screen.getByRole('combobox', { name: /^IMAP \(143/ });
    expect(imap).toHaveValue('off');
    await user.selectOptions(imap, 'internet');
    expect(store.getState().plan.services).toEqual({ imap: 'internet' });
    expect(screen.getByRole('list', { name: 'Flows from the Internet' })).toHaveTextContent('143');
    store.getState().undo();
    expect(store.getState().plan.services).toBeUndefined();
  });

  it('choosing the default again removes the setting from the plan', async () => {
    const user = userEvent.setup();
    const store = renderWithStore(<NetworkPanel />, templatePlan('ce-five-nodes'));
    const https = screen.getByRole('combobox', { name: /^HTTPS/ });
    await user.selectOptions(https, 'off');
    expect(store.getState().plan.services).toEqual({ https: 'off' });
    await user.selectOptions(https, 'internet');
    expect(store.getState().plan.services).toBeUndefined();
  });

  it('toggles internal flows on the canvas (UI state, not plan data)', async () => {
    const user = userEvent.setup();
    const store = renderWithStore(<NetworkPanel />, templatePlan('ce-five-nodes'));
    await user.click(screen.getByRole('checkbox', { name: 'Show internal flows on the canvas' }));
    expect(store.getState().showInternalFlows).toBe(true);
    expect(store.getState().past).toHaveLength(0);
  });
});

describe('Capacity panel', () => {
  it('computes the Mailstore disk from accounts × quota + 50 GB', async () => {
    const user = userEvent.setup();
    const store = renderWithStore(<CapacityPanel />, templatePlan('ce-five-nodes'));
    await user.type(screen.getByLabelText('Accounts'), '20{Enter}');
    await user.type(screen.getByLabelText('Mailbox quota (GB)'), '10{Enter}');
    expect(store.getState().plan.sizing).toEqual({ accounts: 20, mailboxQuotaGb: 10 });
    expect(screen.getByTestId('mailstore-disk')).toHaveTextContent('about 250 GB');
  });

  it('refuses a fractional number of accounts without touching the plan', async () => {
    const user = userEvent.setup();
    const store = renderWithStore(<CapacityPanel />, templatePlan('ce-five-nodes'));
    await user.type(screen.getByLabelText('Accounts'), '2.5{Enter}');
    expect(screen.getByText('Enter a whole number of accounts')).toBeInTheDocument();
    expect(store.getState().plan.sizing).toBeUndefined();
  });
});

describe('Bottom panel', () => {
  it('shows Problems first and switches tabs with the arrow keys', async () => {
    const user = userEvent.setup();
    renderWithStore(<BottomPanel />, templatePlan('ce-five-nodes'));
    expect(screen.getByRole('region', { name: 'Problems' })).toBeInTheDocument();
    const tabs = screen.getByRole('tablist', { name: 'Plan views' });
    await user.click(within(tabs).getByRole('tab', { name: /Problems/ }));
    await user.keyboard('{ArrowRight}');
    expect(within(tabs).getByRole('tab', { name: 'Network' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('heading', { name: 'Services offered' })).toBeInTheDocument();
  });
});
