import { useEditor } from '../store/EditorProvider';
import { selectCounts } from '../store/selectors';

/** The one-line verdict of presentation mode: "No errors · 2 warnings". */
export function PresentationVerdict() {
  const counts = useEditor(selectCounts);
  const parts = [counts.error === 0 ? 'No errors' : `${counts.error} error${counts.error > 1 ? 's' : ''}`];
  if (counts.warning > 0) parts.push(`${counts.warning} warning${counts.warning > 1 ? 's' : ''}`);
  return (
    <div className={`verdict ${counts.error > 0 ? 'verdict-error' : 'verdict-ok'}`} role="status">
      {parts.join(' · ')}
    </div>
  );
}
