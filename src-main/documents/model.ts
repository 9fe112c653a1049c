// The structured description of a formal document, independent of the output format: the PDF
// renderer (pdf.ts) lays it out per GB/T 9704-2012, and a DOCX renderer can consume the same model.

export type CellAlign = 'left' | 'center' | 'right';

export interface TableColumn {
  header: string;
  /** Relative width; the columns share the full width of the type area (156 mm) in these proportions. */
  width: number;
  align?: CellAlign;
}

export type Block =
  /** A body paragraph in 仿宋 三号. indent (default true) indents the first line two characters. */
  | { type: 'paragraph'; text: string; indent?: boolean }
  /** Structure headings: "一、" 黑体, "（一）" 楷体, "1." 仿宋. The text includes its numbering. */
  | { type: 'heading1' | 'heading2' | 'heading3'; text: string }
  /**
   * A ruled table; the header row repeats on every page the table crosses. fontSize defaults to 12 pt.
   * caption: lines of small text above the header (a form's instructions); fitPage: a form that should
   * fit the rest of the page, with tighter rows where that makes it fit.
   */
  | { type: 'table'; columns: TableColumn[]; rows: string[][]; fontSize?: number; caption?: string[]; fitPage?: boolean }
  /** Blank lines on the 22-line grid. */
  | { type: 'spacer'; lines: number }
  | { type: 'pageBreak' };

export type BlockType = Block['type'];

export interface DocModel {
  /** What the document is, e.g. 'resolution', 'review-opinion', 'vote-results', 'sign-in'. */
  kind: string;
  /** The file's title (PDF document info Title, suggested file name). */
  fileTitle: string;
  /** 版头: the red issuer mark, e.g. "示例区人民代表大会常务委员会", and 发文字号 "示人常〔2026〕12号". */
  redHeader?: { issuer: string; docNumber?: string };
  /** 标题 in 小标宋 二号, centred; "\n" forces a line break. */
  title: string;
  /** Line under the title, e.g. "（2026年9月22日示例区第二届人民代表大会常务委员会第十六次会议通过）". */
  subtitle?: string;
  /** 主送机关, e.g. "区人民政府：". */
  addressee?: string;
  blocks: Block[];
  /** 发文机关署名 and 成文日期 ("2026年9月22日") after the body. */
  signature?: { issuer: string; date: string };
  /** A form (测评表, 票决票, 表决票): no blank line under the title, so the sheet holds more rows. */
  form?: boolean;
  /** A draft: "草稿" is printed at the top of every page (and a draft has no 文号). */
  draft?: boolean;
  /** 版记 at the foot of the last page: 抄送 (organs, "抄送：" is added), 印发机关 and 印发日期. */
  footer?: { cc?: string; printedBy: string; printedDate: string };
}
