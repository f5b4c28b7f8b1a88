import { useState, type KeyboardEvent } from 'react';
import { useEditor } from '../store/EditorProvider';
import { selectCounts } from '../store/selectors';
import { CapacityPanel } from './CapacityPanel';
import { NetworkPanel } from './NetworkPanel';
import { ProblemsPanel } from './ProblemsPanel';
import './BottomPanel.css';

const TABS = ['Problems', 'Network', 'Capacity'] as const;
type Tab = (typeof TABS)[number];

/** Problems, network and capacity under the canvas, as tabs (WAI-ARIA tabs pattern). */
export function BottomPanel() {
  const [tab, setTab] = useState<Tab>('Problems');
  const counts = useEditor(selectCounts);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const next = TABS[(TABS.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next);
    document.getElementById(`bottom-tab-${next}`)?.focus();
  };
  return (
    <div className="bottom-panel">
      <div role="tablist" aria-label="Plan views" className="bottom-tabs" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t}
            id={`bottom-tab-${t}`}
            type="button"
            role="tab"
            aria-selected={tab === t}
            aria-controls={`bottom-panel-${t}`}
            tabIndex={tab === t ? 0 : -1}
            onClick={() => setTab(t)}
          >
            {t}
            {t === 'Problems' && counts.error + counts.warning > 0 && (
              <span className={`tab-count ${counts.error > 0 ? 'tab-count-error' : 'tab-count-warning'}`}>
                {counts.error + counts.warning}
              </span>
            )}
          </button>
        ))}
      </div>
      <div id={`bottom-panel-${tab}`} role="tabpanel" aria-labelledby={`bottom-tab-${tab}`} className="bottom-body">
        {tab === 'Problems' && <ProblemsPanel />}
        {tab === 'Network' && <NetworkPanel />}
        {tab === 'Capacity' && <CapacityPanel />}
      </div>
    </div>
  );
}
