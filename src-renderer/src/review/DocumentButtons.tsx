// 打印 / 下载PDF / 下载Word for a formal document: the command produces the file; printing goes to
// the shell's print dialog in Electron, or opens the PDF in the browser.
import { useState } from 'react';
import { canPrintNatively, download, printPdf, type FilePayload } from './files';

export function DocumentButtons({ produce, disabled, label }: { produce: (format: 'pdf' | 'docx') => Promise<FilePayload | undefined>; disabled?: boolean; label: string }) {
  const [note, setNote] = useState<string | null>(null);
  const print = async () => {
    const file = await produce('pdf');
    if (!file) return;
    const how = await printPdf(file);
    setNote(how === 'printed' ? '已发送到打印' : how === 'opened' ? '已在新窗口打开PDF，可从浏览器打印' : `已下载 ${file.fileName}`);
  };
  const save = async (format: 'pdf' | 'docx') => {
    const file = await produce(format);
    if (!file) return;
    download(file);
    setNote(`已下载 ${file.fileName}`);
  };
  return (
    <span className="rv-doc-buttons" role="group" aria-label={`${label}文件`}>
      <button type="button" className="btn" onClick={() => void print()} disabled={disabled}>
        {canPrintNatively() ? '打印' : '打印（PDF）'}
      </button>
      <button type="button" className="btn" onClick={() => void save('pdf')} disabled={disabled}>
        下载PDF
      </button>
      <button type="button" className="btn" onClick={() => void save('docx')} disabled={disabled}>
        下载Word
      </button>
      {note && (
        <span className="muted small" role="status">
          {note}
        </span>
      )}
    </span>
  );
}
