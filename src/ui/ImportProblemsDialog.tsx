import type { ImportFailure } from '../app/import-plan';
import { Dialog } from './Dialog';

export type { ImportFailure };

/** Why a file was not imported: each problem with its JSON path. The current plan is untouched. */
export function ImportProblemsDialog({ failure, onClose }: { failure: ImportFailure; onClose: () => void }) {
  return (
    <Dialog
      title={`Cannot import ${failure.fileName}`}
      onClose={onClose}
      actions={
        <button type="button" onClick={onClose} data-autofocus>
          OK
        </button>
      }
    >
      <p>This is not a valid Carbonio plan. Your current plan was not changed.</p>
      <ul className="import-problems" aria-label="Import problems">
        {failure.problems.map((p, i) => (
          <li key={i}>
            <code>{p.path}</code> {p.message}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
