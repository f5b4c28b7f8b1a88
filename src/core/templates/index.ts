import carbonioEssential from './carbonio-essential.json';
import carbonioFiveNodes from './carbonio-five-nodes.json';
import ceFiveNodes2024 from './ce-five-nodes-2024.json';
import ceFiveNodes from './ce-five-nodes.json';
import ceSingleServer from './ce-single-server.json';
import ceThreeNodes from './ce-three-nodes.json';

/** A documented layout (domain §5) the designer offers as a starting point. */
export interface PlanTemplate {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The raw plan document; load it through `loadPlanValue` like any other input. */
  readonly document: unknown;
}

/**
 * The documented layouts of the Carbonio docs. Each must validate with no error; a test checks
 * it. Documents are data, loaded through the one loader.
 */
export const PLAN_TEMPLATES: readonly PlanTemplate[] = [
  {
    id: 'ce-single-server',
    title: 'CE single server',
    description: 'Every role on one node: the layout the CE guide documents since 26.x.',
    document: ceSingleServer,
  },
  {
    id: 'ce-five-nodes',
    title: 'CE five nodes',
    description: 'The docs example scenario (2024 - Feb 2026): srv1 Mesh & Directory, Database, Monitoring … srv5 Chats, Video Server.',
    document: ceFiveNodes,
  },
  {
    id: 'ce-five-nodes-2024',
    title: 'CE five nodes (2024, with PgPool)',
    description: 'The 2024 version of the five-node scenario, with the Database Connector on srv1.',
    document: ceFiveNodes2024,
  },
  {
    id: 'ce-three-nodes',
    title: 'CE three nodes',
    description: 'The five-node scenario without nodes 4 and 5 (no Files, Docs, Chats or video calls).',
    document: ceThreeNodes,
  },
  {
    id: 'carbonio-essential',
    title: 'Carbonio Essential (3 nodes)',
    description: 'Commercial Essential: srv1 Mesh & Directory, Database, Monitoring · srv2 MTA, Proxy · srv3 Mailstore.',
    document: carbonioEssential,
  },
  {
    id: 'carbonio-five-nodes',
    title: 'Carbonio Full Small (5 nodes)',
    description: 'Commercial five nodes, up to thousands of accounts, with Video Recording on srv5.',
    document: carbonioFiveNodes,
  },
];
