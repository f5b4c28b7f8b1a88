import { useId } from 'react';
import { EDITION_NAMES, EDITIONS, type Edition } from '../core/catalog/role-ids';
import type { PlanFields } from '../core/commands/commands';
import { changeEdition } from '../store/editor-actions';
import { useEditor, useEditorStore } from '../store/EditorProvider';
import { selectPlan } from '../store/selectors';
import { CommitField } from './CommitField';

/** Nothing selected: the plan's own fields. */
export function PlanSettings() {
  const store = useEditorStore();
  const plan = useEditor(selectPlan);
  const editionId = useId();

  /** Applies changes unless another plan was opened under a pending draft. */
  const update = (changes: PlanFields, unmounting = false) => {
    const state = store.getState();
    if (unmounting && state.plan !== plan) return;
    state.dispatch({ type: 'set-plan-fields', changes });
  };

  const onEdition = (edition: Edition) => changeEdition(store, edition);

  return (
    <div className="inspector-body">
      <h2 className="inspector-title">Plan</h2>
      <p className="inspector-hint">Select a node or a role to see its details. Drag roles from the palette onto the canvas.</p>
      <CommitField
        label="Plan name"
        value={plan.name}
        onCommit={(text, unmounting) => {
          if (text.trim() !== plan.name) update({ name: text.trim() }, unmounting);
          return undefined;
        }}
      />
      <div className="field">
        <label htmlFor={editionId}>Edition</label>
        <select id={editionId} value={plan.edition} onChange={(e) => onEdition(e.target.value as Edition)}>
          {EDITIONS.map((edition) => (
            <option key={edition} value={edition}>
              {EDITION_NAMES[edition]}
            </option>
          ))}
        </select>
      </div>
      <CommitField
        label="Webmail hostname"
        value={plan.webmailHostname ?? ''}
        placeholder="mail.example.com"
        spellCheck={false}
        onCommit={(text, unmounting) => {
          const value = text.trim() || undefined;
          if (value !== plan.webmailHostname) update({ webmailHostname: value }, unmounting);
          return undefined;
        }}
      />
    </div>
  );
}
