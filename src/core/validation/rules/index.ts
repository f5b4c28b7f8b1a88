import type { Rule } from '../rule';
import { ceMultiServer } from './ce-multi-server';
import { coreRequired } from './core-required';
import { dedicatedNode } from './dedicated-node';
import { duplicateHostname } from './duplicate-hostname';
import { duplicateNodeId } from './duplicate-node-id';
import { duplicateRole } from './duplicate-role';
import { emptyNode } from './empty-node';
import { hostnameFqdn } from './hostname-fqdn';
import { legacyRole } from './legacy-role';
import { meshServerCount } from './mesh-server-count';
import { nodeResources } from './node-resources';
import { pgpoolSuggested } from './pgpool-suggested';
import { replicaNotOnMaster } from './replica-not-on-master';
import { requiresRole } from './requires-role';
import { singleInstance } from './single-instance';
import { uiMissing } from './ui-missing';
import { uiOnProxy } from './ui-on-proxy';
import { uiWithoutFeature } from './ui-without-feature';
import { unknownRole } from './unknown-role';
import { videoDedicated } from './video-dedicated';

/** Every rule the validator runs. Each lives in `rules/<id>.ts` with its tests beside it. */
export const RULES: readonly Rule[] = [
  coreRequired,
  singleInstance,
  meshServerCount,
  uiOnProxy,
  uiMissing,
  uiWithoutFeature,
  replicaNotOnMaster,
  requiresRole,
  duplicateRole,
  unknownRole,
  duplicateHostname,
  duplicateNodeId,
  dedicatedNode,
  videoDedicated,
  hostnameFqdn,
  emptyNode,
  nodeResources,
  legacyRole,
  ceMultiServer,
  pgpoolSuggested,
];
