import { TemplateList } from './TemplateList';
import './EmptyCanvas.css';

/** Never a blank screen: what to do on an empty plan. */
export function EmptyCanvas() {
  return (
    <div className="empty-canvas">
      <p className="empty-canvas-lead">Drag a role here to create a node, or start from a template.</p>
      <TemplateList />
    </div>
  );
}
