// Where a URL path lands under a folder, decided once for every route that reads files from disk:
// percent-decoding that fails is a bad request (400), and a path that leaves the folder (by "..",
// an encoded separator, a backslash on Windows or a NUL) is not there (404). The check compares
// whole path segments, so "/srv/renderer-sibling" is not inside "/srv/renderer".
import path from 'node:path';

export type PathLookup = { ok: true; file: string } | { ok: false; status: 400 | 404; reason: string };

/** Percent-decodes a URL path; null when the encoding is malformed. */
export function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

/** True when `file` is `root` itself or lies inside it (segment-wise, separator-safe). */
export function isInside(root: string, file: string): boolean {
  const rel = path.relative(path.resolve(root), path.resolve(file));
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

export function resolveUnder(root: string, pathname: string): PathLookup {
  const decoded = decodePath(pathname);
  if (decoded === null) return { ok: false, status: 400, reason: '地址中的百分号编码无效' };
  if (decoded.includes('\0')) return { ok: false, status: 400, reason: '地址中含有无效字符' };
  const file = path.resolve(root, `.${path.sep}${decoded}`);
  if (!isInside(root, file)) return { ok: false, status: 404, reason: '找不到该地址' };
  return { ok: true, file };
}
