// Review opinions and resolutions as DocModels, for the PDF layout engine (documents/pdf.ts) and the
// DOCX writer (documents-docx/docx.ts): the same structure in both.
import type { Block, DocModel } from '../documents/model';
import { chineseDate, committeeName } from '../domain/numerals';
import { getCommittee } from '../store/committee';
import { safeFileName } from '../documents-assessment/common';
import type { Store } from '../store/store';
import { getOpinion } from './opinions';
import { getResolution, RESOLUTION_KIND_LABELS } from './resolutions';
import { linesToBlocks, localToday, numberedBlocks, stripNumbering, type OpinionBlockKind } from '../domain/review';

const BLOCK_TYPE: Record<OpinionBlockKind, 'heading1' | 'heading2' | 'heading3' | 'paragraph'> = {
  h1: 'heading1',
  h2: 'heading2',
  h3: 'heading3',
  p: 'paragraph',
};

function toBlocks(blocks: { kind: OpinionBlockKind; text: string }[]): Block[] {
  return blocks.filter((b) => b.text.trim() !== '').map((b) => ({ type: BLOCK_TYPE[b.kind], text: b.text.trim() }));
}

/** The 审议意见书: red header with 发文字号, title, 主送, body with numbered headings, signature, 版记. */
export function opinionDoc(store: Store, id: number, today = localToday()): DocModel {
  const o = getOpinion(store, id);
  const date = chineseDate(o.docDate ?? o.sentAt ?? today);
  const body = numberedBlocks(o.body.filter((b) => (b.kind === 'p' ? b.text.trim() : stripNumbering(b.text)) !== ''));
  return {
    kind: 'review-opinion',
    fileTitle: o.title.replace(/\n/g, ''),
    // an unnumbered opinion is a draft: 草稿 on every page, and no 文号 with a blank in it
    redHeader: { issuer: o.issuer, docNumber: o.docNumber ?? undefined },
    draft: !o.docNumber,
    title: o.title,
    addressee: o.addressee ? `${o.addressee}：` : undefined,
    blocks: [...toBlocks([{ kind: 'p', text: o.opening }]), ...toBlocks(body), ...toBlocks([{ kind: 'p', text: o.handlingRequest }])],
    signature: { issuer: o.issuer, date },
    footer: { cc: o.cc || undefined, printedBy: o.printedBy, printedDate: date },
  };
}

/** A 决议/决定: title, the adoption line under it, the body; the red header only when chosen. */
export function resolutionDoc(store: Store, id: number): DocModel {
  const r = getResolution(store, id);
  const issuer = committeeName(getCommittee(store).region);
  return {
    kind: r.kind,
    fileTitle: `${r.title}`,
    redHeader: r.redHeader ? { issuer } : undefined,
    title: r.title,
    subtitle: r.adoptedLine,
    blocks: toBlocks(linesToBlocks(r.body)),
  };
}

/** A file name that says what the document is: "审议意见 示人常审〔2026〕12号 关于….pdf". */
export function opinionFileName(store: Store, id: number, ext: 'pdf' | 'docx'): string {
  const o = getOpinion(store, id);
  return `${safeFileName(`审议意见${o.docNumber ? ` ${o.docNumber}` : '（草拟）'} ${o.title.replace(/\n/g, '').replace(/^.*常务委员会(?=关于)/, '')}`)}.${ext}`;
}

export function resolutionFileName(store: Store, id: number, ext: 'pdf' | 'docx'): string {
  const r = getResolution(store, id);
  return `${safeFileName(`${RESOLUTION_KIND_LABELS[r.kind]} ${r.title.replace(/\n/g, '')}`)}.${ext}`;
}
