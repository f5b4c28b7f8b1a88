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

/**
 * Client-facing services whose exposure a plan may set (domain §4, external ports). Their ports,
 * serving roles and docs defaults live in `network/services.ts`.
 */
export const SERVICE_IDS = [
  'pop3',
  'pop3s',
  'imap',
  'imaps',
  'smtp',
  'smtps',
  'submission',
  'https',
  'http',
  'admin',
  'chats',
  'video',
  'ldap-addressbook',
] as const;

/** A client-facing service of {@link SERVICE_IDS}. */
export const serviceIdSchema = z.enum(SERVICE_IDS);

/**
 * Who may reach a service: `internet` (public), `internal` (the private network or a VPN only)
 * or `off` (port closed).
 */
export const SERVICE_EXPOSURES = ['internet', 'internal', 'off'] as const;
export const serviceExposureSchema = z.enum(SERVICE_EXPOSURES);

/**
 * Exposure per service, overriding the docs defaults; absent services keep their default. An
 * object with one optional key per service (not a record) so that the JSON Schema stays plain
 * `properties`; unknown keys are dropped, like anywhere else in the plan.
 */
export const servicesSchema = z
  .object(
    Object.fromEntries(SERVICE_IDS.map((id) => [id, serviceExposureSchema.optional()])) as {
      [K in (typeof SERVICE_IDS)[number]]: z.ZodOptional<typeof serviceExposureSchema>;
    },
  )
  .describe(
    'Exposure of the client-facing services: "internet", "internal" (private network or VPN only) or "off". A service left out keeps the designer\'s default, taken from the Carbonio docs.',
  );

/**
 * A whole number, at least 0. Checked with a refinement rather than `.int()`, whose JSON Schema
 * carries a `maximum` of 2^53-1; the `integer` type is restored for the JSON Schema by `meta`.
 */
const wholeNumber = z
  .number()
  .nonnegative()
  .finite()
  .refine(Number.isInteger, { message: 'expected a whole number' })
  .meta({ type: 'integer' });

/** Capacity figures of the plan, for the sizing report and the capacity rules. */
export const sizingSchema = z
  .object({
    accounts: wholeNumber.optional().describe('Number of mail accounts (mailboxes) the deployment is sized for.'),
    mailboxQuotaGb: z.number().nonnegative().finite().optional().describe('Mailbox quota per account, in GB.'),
  })
  .describe('Capacity planning: accounts and mailbox quota, used by the sizing report and the disk and capacity checks.');

/** Plan format v1: the whole deployment. `services` and `sizing` are optional additions to v1. */
export const planSchema = z.object({
  format: z.literal(PLAN_FORMAT),
  version: z.literal(CURRENT_PLAN_VERSION),
  name: z.string(),
  edition: z.enum(EDITIONS),
  webmailHostname: z.string().optional(),
  services: servicesSchema.optional(),
  sizing: sizingSchema.optional(),
  nodes: z.array(planNodeSchema),
});

export type Plan = z.infer<typeof planSchema>;
export type PlanNode = z.infer<typeof planNodeSchema>;
export type Resources = z.infer<typeof resourcesSchema>;
export type Position = z.infer<typeof positionSchema>;
export type Zone = z.infer<typeof zoneSchema>;
export type ServiceId = z.infer<typeof serviceIdSchema>;
export type ServiceExposure = z.infer<typeof serviceExposureSchema>;
export type PlanServices = z.infer<typeof servicesSchema>;
export type Sizing = z.infer<typeof sizingSchema>;
