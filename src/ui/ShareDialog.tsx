import { useState } from 'react';
import { shareFragment } from '../core/share/share-link';
import { useEditorStore } from '../store/EditorProvider';
import { Dialog } from './Dialog';

/** The whole plan in a link: copy it, or select it by hand where the clipboard is refused. */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const store = useEditorStore();
  const [link] = useState(() => `${location.origin}${location.pathname}${shareFragment(store.getState().plan)}`);
  const [copied, setCopied] = useState<'yes' | 'no' | undefined>();
  const copy = () => {
    navigator.clipboard?.writeText(link).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    ) ?? setCopied('no');
  };
  return (
    <Dialog
      title="Share link"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={copy} data-autofocus>
            Copy link
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      <p>Anyone opening this link sees this plan. It travels in the link itself; nothing is uploaded.</p>
      <label htmlFor="share-link">Link ({link.length} characters)</label>
      <input id="share-link" className="dialog-search" readOnly value={link} onFocus={(e) => e.target.select()} />
      <p role="status">
        {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'no' ? 'The browser refused the clipboard: select the link and copy it.' : ''}
      </p>
    </Dialog>
  );
}
