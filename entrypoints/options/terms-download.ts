import { termsFile, type UserTermFields } from '../../common/user-terms';

/** The file name of an export: what it is and when, so several exports sort by date. */
export function exportFileName(now: Date): string {
  return `firewall-lens-terms-${now.toISOString().slice(0, 10)}.json`;
}

/**
 * Saves the reader's terms as a file through the browser's own download of a blob URL: no
 * `downloads` permission, and nothing leaves the device unless the reader moves the file.
 */
export function downloadTermsFile(terms: readonly UserTermFields[], now: Date): void {
  const json = `${JSON.stringify(termsFile(terms, now), null, 2)}\n`;
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = exportFileName(now);
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
