/** Offers text as a file download. */
export function downloadText(fileName: string, text: string, mime: string): void {
  downloadBlob(fileName, new Blob([text], { type: `${mime};charset=utf-8` }));
}

/** Offers a blob as a file download. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A safe file name from a plan name: `ce-five-nodes.json`, or with a suffix that is never cut
 * off: `ce-five-nodes-firewall.csv`.
 */
export function fileNameFor(planName: string, extension: string, suffix = ''): string {
  const base = planName
    .normalize('NFKD')
    .replace(/[^\w\s.-]/g, '')
    .trim()
    .replace(/[\s.]+/g, '-')
    .toLowerCase()
    .slice(0, 60);
  return `${base || 'carbonio-plan'}${suffix ? `-${suffix}` : ''}.${extension}`;
}
