import type { Rule } from '../rule';
import { adminExposed } from './admin-exposed';
import { capacityExceeded } from './capacity-exceeded';
import { ceMultiServer } from './ce-multi-server';
import { coreRequired } from './core-required';
import { dedicatedNode } from './dedicated-node';
import { duplicateHostname } from './duplicate-hostname';
import { duplicateNodeId } from './duplicate-node-id';
import { duplicateRole } from './duplicate-role';
import { emptyNode } from './empty-node';
import { hostnameFqdn } from './hostname-fqdn';
import { internalInDmz } from './internal-in-dmz';
import { legacyRole } from './legacy-role';
import { mailstoreDisk } from './mailstore-disk';
import { meshServerCount } from './mesh-server-count';
import { nodeResources } from './node-resources';
import { pgpoolSuggested } from './pgpool-suggested';
import { plainProtocols } from './plain-protocols';
import { publicExposure } from './public-exposure';
import { replicaNotOnMaster } from './replica-not-on-master';
import { requiresRole } from './requires-role';
import { serviceUnserved } from './service-unserved';
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
  serviceUnserved,
  publicExposure,
  internalInDmz,
  adminExposed,
  plainProtocols,
  capacityExceeded,
  mailstoreDisk,
];
