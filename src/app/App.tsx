import { getCatalog } from '../core/catalog/catalog';
import { loadPlanValue } from '../core/plan/loader';
import { PLAN_TEMPLATES } from '../core/templates';
import { countBySeverity, validate } from '../core/validation/validate';

/** Until the canvas lands: the documented layouts with their live verdict from the core. */
export function App() {
  return (
    <main>
      <h1>Carbonio Deployment Designer</h1>
      <ul aria-label="Templates">
        {PLAN_TEMPLATES.map((template) => {
          const loaded = loadPlanValue(template.document);
          if (!loaded.ok) return <li key={template.id}>{template.title}: cannot load</li>;
          const counts = countBySeverity(validate(loaded.plan, getCatalog(loaded.plan.edition)));
          return (
            <li key={template.id} data-template={template.id}>
              {template.title}: {counts.error} errors · {counts.warning} warnings
            </li>
          );
        })}
      </ul>
    </main>
  );
}
