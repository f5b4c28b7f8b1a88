import { z } from 'zod';
import { EDITIONS } from '../catalog/role-ids';

/** The value of `format` in every plan file. */
export const PLAN_FORMAT = 'carbonio-plan';

/** The plan format version this build writes, and the newest it reads. */
export const CURRENT_PLAN_VERSION = 1;

/** vCPU, RAM and disk of a node; each optional, never negative. */
export const resourcesSchema = z.object({
  vcpu: z.number().nonnegative().finite().optional(),
  ramGb: z.number().nonnegative().finite().optional(),
  diskGb: z.number().nonnegative().finite().optional(),
});

/** Canvas position of a node card. */
export const positionSchema = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
});

/** Network zone of a node. */
export const zoneSchema = z.enum(['lan', 'dmz']);

/**
 * A node (server). Roles are plain strings here on purpose: an id the catalog does not know is a
 * validation finding (`unknown-role`), not a reason to refuse the whole file.
 */
export const planNodeSchema = z.object({
  id: z.string().min(1),
  hostname: z.string(),
  roles: z.array(z.string()),
  privateIp: z.string().optional(),
  publicIp: z.string().optional(),
  zone: zoneSchema.optional(),
  os: z.string().optional(),
  resources: resourcesSchema.optional(),
  position: positionSchema.optional(),
});

/** Plan format v1: the whole deployment. */
export const planSchema = z.object({
  format: z.literal(PLAN_FORMAT),
  version: z.literal(CURRENT_PLAN_VERSION),
  name: z.string(),
  edition: z.enum(EDITIONS),
  webmailHostname: z.string().optional(),
  nodes: z.array(planNodeSchema),
});

export type Plan = z.infer<typeof planSchema>;
export type PlanNode = z.infer<typeof planNodeSchema>;
export type Resources = z.infer<typeof resourcesSchema>;
export type Position = z.infer<typeof positionSchema>;
export type Zone = z.infer<typeof zoneSchema>;
