/**
 * Writes public/plan.schema.json from the zod schema of the plan (src/core/export/json-schema.ts).
 * Run by `npm run schema:write` and before every build; a test fails when the committed file
 * differs from what this writes.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { planJsonSchemaText } from '../src/core/export/json-schema';

const target = fileURLToPath(new URL('../public/plan.schema.json', import.meta.url));
writeFileSync(target, planJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
