import { z } from 'zod';
import { ROLE_IDS } from '../catalog/role-ids';
import { CURRENT_PLAN_VERSION, PLAN_FORMAT, planNodeSchema, planSchema, positionSchema, resourcesSchema } from '../plan/schema';

/** `$id` of the plan schema: names the format and version, independent of where the file is served. */
export const PLAN_SCHEMA_ID = `urn:carbonio-deployment-designer:plan:v${CURRENT_PLAN_VERSION}`;

/** Editor hovers for the fields, keyed by the zod schema that produces them. */
const DESCRIPTIONS = new Map<z.core.$ZodType, string>([
  [planSchema.shape.format, `Always "${PLAN_FORMAT}".`],
  [planSchema.shape.version, `Plan format version. This schema describes version ${CURRENT_PLAN_VERSION}; the designer migrates older versions when it opens them.`],
  [planSchema.shape.name, 'Name of the plan, shown in the designer and in exports.'],
  [planSchema.shape.edition, 'Carbonio edition: "ce" (Community Edition) or "carbonio" (the commercial edition). The role catalog, the rules and the exports follow it.'],
  [planSchema.shape.webmailHostname, 'Public FQDN of the webmail (e.g. mail.example.com); written to the Ansible inventory as webmailHostname.'],
  [planSchema.shape.nodes, 'The servers of the deployment, in plan order.'],
  [planNodeSchema.shape.id, 'Stable id of the node, unique in the plan.'],
  [planNodeSchema.shape.hostname, 'Fully qualified domain name, e.g. srv1.example.com.'],
  [
    planNodeSchema.shape.roles,
    `Role (component) ids on this node, each at most once. Known ids: ${ROLE_IDS.join(', ')}. Any other string is accepted by the loader and reported by the validator as an unknown role.`,
  ],
  [planNodeSchema.shape.privateIp, 'Address on the private network between the nodes.'],
  [planNodeSchema.shape.publicIp, 'Public address; required for a Video Server (public_ip_address in the Ansible inventory).'],
  [planNodeSchema.shape.zone, 'Network zone: "lan" or "dmz".'],
  [planNodeSchema.shape.os, 'Operating system id, e.g. ubuntu-24.04 or rhel-9.'],
  [resourcesSchema, 'vCPU, RAM (GB) and disk (GB) of the node; each optional, never negative.'],
  [positionSchema, 'Position of the node card on the canvas.'],
]);

/**
 * The plan file format as JSON Schema (draft 2020-12), generated from the zod schema the loader
 * uses, so it cannot disagree with it. It describes what the loader accepts (`io: 'input'`):
 * unknown keys are allowed (the loader drops them), and role ids are free strings, with the
 * catalog ids offered as `examples` for editors.
 */
export function planJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(planSchema, {
    io: 'input',
    target: 'draft-2020-12',
    override: (ctx) => {
      const description = DESCRIPTIONS.get(ctx.zodSchema);
      if (description) ctx.jsonSchema.description = description;
      if (ctx.zodSchema === planNodeSchema.shape.roles.element) ctx.jsonSchema.examples = [...ROLE_IDS];
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: PLAN_SCHEMA_ID,
    title: 'Carbonio deployment plan',
    description: `A Carbonio deployment plan (format "${PLAN_FORMAT}", version ${CURRENT_PLAN_VERSION}) of the Carbonio Deployment Designer: nodes and the roles placed on them.`,
    ...rest,
  };
}

/** The schema as written to public/plan.schema.json: two-space indent, final newline. */
export function planJsonSchemaText(): string {
  return `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
}
