import { useEffect } from 'react';
import { looksLikePlanText } from '../core/plan/load-document';
import { isTextEntry } from './editable-target';

/**
 * Importing without the file picker: a file dropped anywhere on the page, or plan text (JSON or
 * an exported SVG) pasted while no text field has focus.
 */
export function useFileImport(onText: (text: string, source: string) => void): void {
  useEffect(() => {
    const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      if (file) void file.text().then((text) => onText(text, file.name));
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isTextEntry(event.target)) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      // Only text that claims to be a plan (or an SVG) is taken; anything else is left alone.
      if (!looksLikePlanText(text)) return;
      event.preventDefault();
      onText(text, 'the clipboard');
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('paste', onPaste);
    };
  }, [onText]);
}
