// Getting a generated document to the secretary: print a PDF (Electron's print dialog through the
// preload bridge when the shell offers one), or download it; open a PDF in a new tab (headless).
import type { FilePayload } from '../../../src-main/shared/file-payload';
import { downloadBase64 } from '../api';

export type { FilePayload };

export function canPrintNatively(): boolean {
  return typeof window.yishi?.print === 'function';
}

/** Prints through the shell's dialog; elsewhere opens the PDF in a new tab (to print from the viewer), or downloads it. */
export async function printPdf(file: FilePayload): Promise<'printed' | 'opened' | 'downloaded'> {
  const bridge = window.yishi;
  if (typeof bridge?.print === 'function') {
    await bridge.print(file.base64, file.fileName);
    return 'printed';
  }
  const url = URL.createObjectURL(new Blob([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], { type: file.mime }));
  const tab = window.open(url, '_blank');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  if (tab) return 'opened';
  downloadBase64(file.fileName, file.mime, file.base64);
  return 'downloaded';
}

export function download(file: FilePayload): void {
  downloadBase64(file.fileName, file.mime, file.base64);
}
