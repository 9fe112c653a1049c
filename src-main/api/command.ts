// One typed command map, shared by the Electron preload bridge, HTTP and the terminals' WebSocket:
// same names, same zod schemas, same error codes whichever transport carries them.
import { z } from 'zod';
import { lineHasForeignCharacters } from '../domain/text';
import type { MeetingEngine } from '../meeting/engine';
import type { Actor } from '../store/audit';
import type { IntegrityMonitor } from '../store/integrity';
import type { Store } from '../store/store';
import type { ConnectionRefusals } from '../shared/protocol';

export type { FilePayload } from '../shared/file-payload';

z.config(z.locales.zhCN());

/** Who is calling. Admin is the secretary's console; terminals are bound to one member and session. */
export type Caller =
  | { kind: 'admin'; source: string }
  | { kind: 'terminal'; source: string; terminalId: string; sessionId: number; memberId: number | null; attendeeId: number | null }
  | { kind: 'display'; source: string }
  /** A terminal that is connected but not paired yet: it may only pair. */
  | { kind: 'guest'; source: string; connectionId: string; address: string };

export type Access = Caller['kind'];

/** Services beyond the store that some commands need (the live session engine, the LAN server…). */
export interface Services {
  engine?: MeetingEngine;
  lan?: LanInfo;
  /** A detected loss of records the secretary has to acknowledge (store/integrity.ts). */
  integrity?: IntegrityMonitor;
}

/** What the LAN server knows: its addresses, the terminals connected but not yet paired, the connections it refuses for its bound. */
export interface LanInfo {
  terminalUrls(): string[];
  unpaired(): { pairingNumber: string; address: string; connectionId: string }[];
  refusals(): ConnectionRefusals | null;
  /** 知道了 on the refusals notice: gone for every console until the next refusal. */
  dismissRefusals(): void;
}

export interface CallContext {
  store: Store;
  caller: Caller;
  who: Actor;
  services: Services;
}

export interface CommandDef<S extends z.ZodType, R> {
  /** Who may call it. */
  access: readonly Access[];
  /**
   * Runs a session's business — opening it and moving through it, attendance, opening rounds and
   * entering or correcting their results, every write from a terminal: refused while a loss of
   * records waits for the secretary's acknowledgement (app/core.ts). Preparing and reading are not.
   */
  sessionBusiness?: true;
  /**
   * Stores texts that documents print (names, titles, remarks, opinions…): every string of the input
   * is asked the documents' fonts after the schema (api/printable.ts), a character none has refused
   * with BAD_INPUT naming the field and the character. Not for files (their `data`, `fileName`).
   */
  printed?: true;
  input: S;
  run: (ctx: CallContext, input: z.output<S>) => R;
}

export function command<S extends z.ZodType, R>(def: CommandDef<S, R>): CommandDef<S, R> {
  return def;
}

// The map is heterogeneous by design: each command has its own input and output types.
export type AnyCommand = CommandDef<z.ZodType, unknown>;

export const idInput = z.object({ id: z.number().int().positive() });
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
/**
 * The name of a file handed over by the console (File.name): never a path, under the text rule of
 * domain/text.ts (a NUL, a "../" or a direction override in a stored name would travel into
 * downloads, PDFs and the archive; "报告\u202efdp.exe" shows as "报告exe.pdf").
 */
export const fileName = z
  .string()
  .trim()
  .min(1, '文件名不能为空')
  .max(255)
  .refine(
    (n) => !lineHasForeignCharacters(n) && !/[/\\]/.test(n) && n !== '.' && n !== '..',
    '文件名不能含有控制字符、方向控制符、无法识别的字符或路径分隔符（/ 或 \\），请使用文件本身的名称',
  );
export const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容不是有效的 base64 编码');
