/** The pure core: plan format, loader, catalog, validation and commands. No React, DOM or store here. */
export * from './catalog/role-ids';
export * from './catalog/role-definition';
export * from './catalog/catalog';
export * from './catalog/ports';
export * from './catalog/sources';
export * from './plan/schema';
export * from './plan/loader';
export * from './plan/migrations';
export * from './commands/commands';
export * from './validation/diagnostic';
export * from './validation/validate';
export { RULES } from './validation/rules';
export type { Rule } from './validation/rule';
export * from './catalog/os';
export * from './commands/node-factory';
export * from './commands/arrange';
