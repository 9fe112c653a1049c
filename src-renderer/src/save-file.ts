// Saving a generated file from the page: an <a download> clicked for the user. A browser lets a page
// start a download by itself only while the user's click is recent (Chromium: about 5 s of "transient
// activation"); a document that took longer to generate — a big file, a busy meeting machine — would
// otherwise be dropped without a word after the first one. Then the page offers the file instead: a
// notice with a 保存 link, which the user's own click downloads.

/** Chromium keeps a click's activation for 5 s; this leaves a margin for the time the file takes to save. */
const RECENT_MS = 4000;

// The time of the user's last own input (trusted events only: a script's events grant nothing).
let lastGesture = Number.NEGATIVE_INFINITY;
if (typeof window !== 'undefined') {
  for (const type of ['pointerdown', 'pointerup', 'keydown', 'click'] as const) {
    window.addEventListener(type, (e) => e.isTrusted && (lastGesture = performance.now()), { capture: true, passive: true });
  }
}

export function saveBytes(fileName: string, mime: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  if (performance.now() - lastGesture > RECENT_MS) return offer(fileName, url);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Removes the notice on screen, if any. */
let dismissOffer: (() => void) | null = null;

/** A notice with the file's name and a link that saves it (one at a time; the newest replaces it). */
function offer(fileName: string, url: string): void {
  dismissOffer?.();
  const box = document.createElement('div');
  box.className = 'save-offer';
  box.setAttribute('role', 'alert');
  const text = document.createElement('span');
  text.textContent = `文件已生成：${fileName}`;
  const link = document.createElement('a');
  link.className = 'btn btn-primary';
  link.href = url;
  link.download = fileName;
  link.textContent = '保存文件';
  link.setAttribute('aria-label', `保存 ${fileName}`);
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'btn';
  close.textContent = '关闭';
  const dismiss = () => {
    box.remove();
    URL.revokeObjectURL(url);
    if (dismissOffer === dismiss) dismissOffer = null;
  };
  dismissOffer = dismiss;
  close.addEventListener('click', dismiss);
  link.addEventListener('click', () => setTimeout(dismiss, 1000));
  box.append(text, link, close);
  document.body.appendChild(box);
  link.focus();
}
