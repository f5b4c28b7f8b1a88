import { useEffect } from 'react';
import { useEditor, useEditorStore } from '../store/EditorProvider';
import type { Notice } from '../store/editor-store';
import './NoticeBar.css';

const selectNotice = (s: { notice: Notice | undefined }) => s.notice;

/** Short messages (refused drops, import results, storage trouble), announced to screen readers. */
export function NoticeBar() {
  const store = useEditorStore();
  const notice = useEditor(selectNotice);
  useEffect(() => {
    if (!notice || notice.tone === 'error') return;
    const timer = setTimeout(() => {
      if (store.getState().notice?.id === notice.id) store.getState().dismissNotice();
    }, notice.tone === 'warning' ? 8000 : 5000);
    return () => clearTimeout(timer);
  }, [notice, store]);
  return (
    <div className="notice-region" role="status" aria-live="polite">
      {notice && (
        <div className={`notice notice-${notice.tone}`} data-testid="notice">
          <span>{notice.text}</span>
          <button type="button" aria-label="Dismiss message" onClick={() => store.getState().dismissNotice()}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
