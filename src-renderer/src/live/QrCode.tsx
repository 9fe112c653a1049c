// A QR code for a URL, drawn in the browser (qrcode → SVG data URL; img-src allows data:).
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

export function QrCode({ text, size, dark = '#000000', light = '#ffffff', testId }: { text: string; size: number; dark?: string; light?: string; testId?: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark, light } })
      .then((svg) => live && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [text, dark, light]);
  if (!src) return <span style={{ display: 'inline-block', width: size, height: size }} />;
  return <img src={src} width={size} height={size} alt={`二维码：${text}`} data-testid={testId} />;
}
