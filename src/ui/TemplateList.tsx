import { emptyPlan } from '../core/plan/empty-plan';
import { loadPlanValue } from '../core/plan/loader';
import { PLAN_TEMPLATES } from '../core/templates';
import { useEditorStore } from '../store/EditorProvider';
import './TemplateList.css';

/** Buttons that open a documented layout (each goes through the loader, like any input). */
export function TemplateList({ onOpened, newDocumentId }: { onOpened?: () => void; newDocumentId?: () => string }) {
  const store = useEditorStore();
  const open = (document: unknown, title: string) => {
    const loaded = loadPlanValue(document);
    if (!loaded.ok) {
      store.getState().notify('error', `The template "${title}" cannot be loaded.`);
      return;
    }
    // A template opens as a new saved plan when the current one has work in it; an empty plan is reused.
    const current = store.getState().plan;
    const documentId = current.nodes.length > 0 && newDocumentId ? newDocumentId() : undefined;
    store.getState().replacePlan(loaded.plan, documentId ? { documentId } : { keepHistory: true });
    onOpened?.();
  };
  const hasWork = store.getState().plan.nodes.length > 0;
  return (
    <ul className="template-list" aria-label="Templates">
      {hasWork && (
        <li>
          <button type="button" onClick={() => open(emptyPlan(), 'Empty plan')} aria-describedby="template-empty">
            Empty plan
          </button>
          <span id="template-empty" className="template-description">
            No node yet: start from scratch (the current plan stays in Plans).
          </span>
        </li>
      )}
      {PLAN_TEMPLATES.map((t) => (
        <li key={t.id}>
          <button type="button" onClick={() => open(t.document, t.title)} aria-describedby={`template-${t.id}`}>
            {t.title}
          </button>
          <span id={`template-${t.id}`} className="template-description">
            {t.description}
          </span>
        </li>
      ))}
    </ul>
  );
}
