// Fonts for formal documents (GB/T 9704-2012): the official Chinese fonts when the machine has them,
// otherwise the free CJK fonts that ship with the app in resources/fonts/ (see its README.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fontOwnName } from './font-files';

/** What a font is used for: 仿宋 body, 小标宋 titles, 黑体 level-1 headings, 楷体 level-2 headings, 宋体 page numbers. */
export type FontRole = 'fangsong' | 'xiaobiaosong' | 'hei' | 'kai' | 'song';

export const FONT_ROLES: readonly FontRole[] = ['fangsong', 'xiaobiaosong', 'hei', 'kai', 'song'];

export const ROLE_NAMES: Record<FontRole, string> = {
  fangsong: '仿宋',
  xiaobiaosong: '小标宋',
  hei: '黑体',
  kai: '楷体',
  song: '宋体',
};

export interface ResolvedFont {
  /** Absolute path of the font file (.ttf, .otf or .ttc). */
  path: string;
  /** PostScript name of the face inside a .ttc collection (pdfkit needs it to pick the face). */
  postscriptName?: string;
  /** Human-readable family name, e.g. "仿宋 (SimFang)" or "Noto Serif CJK SC". */
  family: string;
  source: 'system' | 'bundled';
}

export type ResolvedFonts = Record<FontRole, ResolvedFont>;

interface Candidate {
  /** File names, matched case-insensitively. */
  files: string[];
  postscriptName?: string;
  family: string;
}

/**
 * Official fonts, best first: the *_GB2312 fonts the standard was written for, the Windows fonts, and
 * the faces 信创 Linux machines (UOS, Kylin) ship under /usr/share/fonts: 方正 (FZ…) and 中易 (SimSun
 * family from Zhongyi: simfang/simsun/simhei/simkai, or their "zy"/"ZhongYi" names), 华文 (ST…).
 */
const SYSTEM_CANDIDATES: Record<FontRole, Candidate[]> = {
  fangsong: [
    { files: ['仿宋_GB2312.ttf', 'FS_GB2312.ttf', 'fangsong_gb2312.ttf', 'SIMFANG_GB2312.TTF', 'FangSong_GB2312.ttf'], family: '仿宋_GB2312' },
    { files: ['simfang.ttf', 'SimFang.ttf', 'zyfangsong.ttf', 'ZhongYiFangSong.ttf'], family: '仿宋 (SimFang)' },
    { files: ['FZFSK.TTF', 'FZFSJW.TTF', 'FZFSFW.TTF', 'FZFangSong-Z02.ttf', 'FZFangSong-Z02S.ttf', '方正仿宋_GBK.ttf', '方正仿宋简体.ttf', 'FZFS_GB18030.ttf'], family: '方正仿宋' },
    { files: ['STFANGSO.TTF', 'Fangsong.ttf'], family: '华文仿宋' },
  ],
  xiaobiaosong: [
    {
      files: ['FZXBSK.TTF', 'FZXBSJW.TTF', 'FZXBSJW--GB1-0.ttf', 'FZXBSFW.TTF', '方正小标宋_GBK.ttf', '方正小标宋简体.ttf', 'FZXiaoBiaoSong-B05S.ttf', 'FZXiaoBiaoSong-B05.ttf'],
      family: '方正小标宋',
    },
  ],
  hei: [
    { files: ['simhei.ttf', 'SimHei.ttf', 'zyhei.ttf', 'ZhongYiHei.ttf'], family: '黑体 (SimHei)' },
    { files: ['FZHTK.TTF', 'FZHTJW.TTF', 'FZHTFW.TTF', 'FZHei-B01.ttf', 'FZHei-B01S.ttf', '方正黑体_GBK.ttf', '方正黑体简体.ttf'], family: '方正黑体' },
    { files: ['STHEITI.TTF'], family: '华文黑体' },
  ],
  kai: [
    { files: ['楷体_GB2312.ttf', 'KAI_GB2312.ttf', 'kaiti_gb2312.ttf', 'SIMKAI_GB2312.TTF', 'KaiTi_GB2312.ttf'], family: '楷体_GB2312' },
    { files: ['simkai.ttf', 'SimKai.ttf', 'zykai.ttf', 'ZhongYiKai.ttf'], family: '楷体 (KaiTi)' },
    { files: ['FZKTK.TTF', 'FZKTJW.TTF', 'FZKTFW.TTF', 'FZKai-Z03.ttf', 'FZKai-Z03S.ttf', '方正楷体_GBK.ttf', '方正楷体简体.ttf'], family: '方正楷体' },
    { files: ['STKAITI.TTF', 'Kaiti.ttc'], family: '华文楷体' },
  ],
  song: [
    { files: ['simsun.ttc'], postscriptName: 'SimSun', family: '宋体 (SimSun)' },
    { files: ['simsun.ttf', 'SimSun.ttf', 'zysong.ttf', 'ZhongYiSong.ttf'], family: '宋体 (SimSun)' },
    { files: ['FZSSK.TTF', 'FZSSJW.TTF', 'FZSSFW.TTF', 'FZShuSong-Z01.ttf', 'FZShuSong-Z01S.ttf', '方正书宋_GBK.ttf', '方正书宋简体.ttf'], family: '方正书宋' },
    { files: ['STSONG.TTF'], family: '华文宋体' },
  ],
};

interface BundledFont {
  file: string;
  family: string;
}

const FANDOL_FANG: BundledFont = { file: 'FandolFang-Regular.otf', family: 'FandolFang' };
const FANDOL_KAI: BundledFont = { file: 'FandolKai-Regular.otf', family: 'FandolKai' };
const NOTO_SERIF: BundledFont = { file: 'NotoSerifCJKsc-Regular.subset.otf', family: 'Noto Serif CJK SC' };
const NOTO_SERIF_BOLD: BundledFont = { file: 'NotoSerifCJKsc-Bold.subset.otf', family: 'Noto Serif CJK SC Bold' };
const NOTO_SANS: BundledFont = { file: 'NotoSansCJKsc-Regular.subset.otf', family: 'Noto Sans CJK SC' };
const UKAI: BundledFont = { file: 'ukai-cn.subset.ttf', family: 'AR PL UKai CN' };

/**
 * The bundled fonts in resources/fonts/ per role, best first (see its README.md): a real 仿宋
 * (FandolFang) and 楷体 (FandolKai, then AR PL UKai for the characters beyond GB 2312), Noto Serif
 * CJK Bold for 小标宋, Noto Sans CJK for 黑体. Every chain ends with Noto Serif CJK SC Regular, which
 * covers all 8105 通用规范汉字 (CJK Extension A and the characters beyond the BMP included).
 */
export const BUNDLED_CHAINS: Record<FontRole, readonly BundledFont[]> = {
  fangsong: [FANDOL_FANG, NOTO_SERIF],
  xiaobiaosong: [NOTO_SERIF_BOLD, NOTO_SERIF],
  hei: [NOTO_SANS, NOTO_SERIF],
  kai: [FANDOL_KAI, UKAI, NOTO_SERIF],
  song: [NOTO_SERIF],
};

/** The first bundled font of every role. */
export const BUNDLED_FONTS: Record<FontRole, BundledFont> = {
  fangsong: FANDOL_FANG,
  xiaobiaosong: NOTO_SERIF_BOLD,
  hei: NOTO_SANS,
  kai: FANDOL_KAI,
  song: NOTO_SERIF,
};

/** The face at the end of every chain: it covers every character the documents promise to print. */
export const LAST_RESORT_FONT = NOTO_SERIF;

function isFontsDir(dir: string): boolean {
  return fs.existsSync(path.join(dir, BUNDLED_FONTS.fangsong.file)) || fs.existsSync(path.join(dir, LAST_RESORT_FONT.file));
}

/**
 * The app's resources directory (the one holding fonts/). Looked for, in order: $YISHI_RESOURCES_DIR;
 * a packaged Electron app's process.resourcesPath (or its resources/ subfolder); walking up from this
 * module's directory (src-main/documents/ from source, out/main/ from the built bundle) and from the
 * working directory for a resources/fonts/ folder. Throws when none holds the bundled fonts.
 */
export function resourcesDir(): string {
  const tried: string[] = [];
  const accept = (dir: string | undefined): string | undefined => {
    if (!dir) return undefined;
    tried.push(dir);
    return isFontsDir(path.join(dir, 'fonts')) ? path.resolve(dir) : undefined;
  };
  const env = accept(process.env.YISHI_RESOURCES_DIR);
  if (env) return env;
  const electronResources = (process as { resourcesPath?: string }).resourcesPath;
  if (electronResources) {
    const found = accept(electronResources) ?? accept(path.join(electronResources, 'resources'));
    if (found) return found;
  }
  const starts = [typeof __dirname === 'string' ? __dirname : undefined, process.cwd()];
  for (const start of starts) {
    if (!start) continue;
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      const found = accept(path.join(dir, 'resources'));
      if (found) return found;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error(`找不到随程序附带的字体（resources/fonts）。已查找：${[...new Set(tried)].join('；')}`);
}

/** Absolute paths of the bundled fonts, per role (the first of each role's chain). */
export function bundledFonts(): ResolvedFonts {
  const dir = path.join(resourcesDir(), 'fonts');
  const out = {} as ResolvedFonts;
  for (const role of FONT_ROLES) {
    const b = BUNDLED_FONTS[role];
    out[role] = { path: path.join(dir, b.file), family: b.family, source: 'bundled' };
  }
  return out;
}

/** Every role's bundled chain as absolute paths, best first (the files that exist). */
export function bundledChain(role: FontRole): ResolvedFont[] {
  const dir = path.join(resourcesDir(), 'fonts');
  return BUNDLED_CHAINS[role]
    .map((b): ResolvedFont => ({ path: path.join(dir, b.file), family: b.family, source: 'bundled' }))
    .filter((f) => fs.existsSync(f.path));
}

/** Where the operating system keeps fonts (Windows, macOS, Linux), system-wide and per user. */
export function defaultFontDirs(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string[] {
  const home = os.homedir();
  if (platform === 'win32') {
    const windir = env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows';
    const local = env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local');
    return [path.join(windir, 'Fonts'), path.join(local, 'Microsoft', 'Windows', 'Fonts')];
  }
  if (platform === 'darwin') {
    return ['/Library/Fonts', path.join(home, 'Library', 'Fonts'), '/System/Library/Fonts', '/System/Library/Fonts/Supplemental'];
  }
  const dataHome = env.XDG_DATA_HOME ?? path.join(home, '.local', 'share');
  return ['/usr/share/fonts', '/usr/local/share/fonts', path.join(dataHome, 'fonts'), path.join(home, '.fonts')];
}

const FONT_FILE = /\.(ttf|otf|ttc)$/i;

/** Font files under the given directories (three levels deep), keyed by lower-case file name. */
export function indexFontFiles(dirs: readonly string[], maxDepth = 3): Map<string, string> {
  const index = new Map<string, string>();
  const walk = (dir: string, depth: number): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() && depth < maxDepth) walk(full, depth + 1);
      else if ((e.isFile() || e.isSymbolicLink()) && FONT_FILE.test(e.name) && !index.has(e.name.toLowerCase())) {
        index.set(e.name.toLowerCase(), full);
      }
    }
  };
  for (const d of dirs) walk(d, 0);
  return index;
}

function findSystemFont(role: FontRole, index: Map<string, string>): ResolvedFont | undefined {
  for (const c of SYSTEM_CANDIDATES[role]) {
    for (const file of c.files) {
      const hit = index.get(file.toLowerCase());
      if (!hit) continue;
      try {
        if (fs.statSync(hit).size < 1024) continue;
      } catch {
        continue;
      }
      const font: ResolvedFont = { path: hit, family: c.family, source: 'system' };
      if (c.postscriptName && /\.ttc$/i.test(hit)) font.postscriptName = c.postscriptName;
      return font;
    }
  }
  return undefined;
}

export interface ResolveFontsOptions {
  /** Directories to search for official fonts instead of the operating system's font folders. */
  searchDirs?: string[];
  /** Use the bundled fonts even where official ones are installed (reproducible output, tests). */
  preferBundled?: boolean;
}

let systemFonts: ResolvedFonts | undefined;

/** Forget the fonts found on this machine (the next render looks again, e.g. after fonts were installed). */
export function forgetResolvedFonts(): void {
  systemFonts = undefined;
}

/**
 * Picks a font file for every role: the official font where installed, else the bundled one. The
 * operating system's font folders are searched once per process (forgetResolvedFonts searches again).
 */
export function resolveFonts(opts: ResolveFontsOptions = {}): ResolvedFonts {
  const bundled = (): ResolvedFonts => bundledFonts();
  if (opts.preferBundled) return bundled();
  if (!opts.searchDirs) return (systemFonts ??= searchFonts(defaultFontDirs()));
  return searchFonts(opts.searchDirs);
}

function searchFonts(dirs: string[]): ResolvedFonts {
  const bundled = (): ResolvedFonts => bundledFonts();
  const index = indexFontFiles(dirs);
  const out = {} as ResolvedFonts;
  let fallback: ResolvedFonts | undefined;
  for (const role of FONT_ROLES) {
    const sys = findSystemFont(role, index);
    if (sys) out[role] = sys;
    else out[role] = (fallback ??= bundled())[role];
  }
  return out;
}

/** One line per role, e.g. "仿宋=Noto Serif CJK SC (bundled)", for the PDF's document info. */
export function describeFonts(fonts: ResolvedFonts): string {
  return FONT_ROLES.map((r) => `${ROLE_NAMES[r]}=${fonts[r].family} (${fonts[r].source}, ${path.basename(fonts[r].path)})`).join('; ');
}

export interface RoleFonts {
  /** 仿宋, 小标宋, … */
  role: string;
  /** The role's own face, by the font's own name ("FandolFang R", "仿宋 (FangSong)"). */
  family: string;
  source: 'system' | 'bundled';
  file: string;
  /** The faces that stand in for characters it lacks, in order, by their own names. */
  fallbacks: string[];
}

/** What documents are printed with, per role, as the console shows it (names read from the font files). */
export function documentFontsInUse(fonts: ResolvedFonts = resolveFonts()): RoleFonts[] {
  return FONT_ROLES.map((r) => {
    const f = fonts[r];
    let chain: ResolvedFont[];
    try {
      chain = bundledChain(r).filter((b) => b.path !== f.path);
    } catch {
      chain = [];
    }
    return {
      role: ROLE_NAMES[r],
      family: fontOwnName(f.path, f.postscriptName, f.family),
      source: f.source,
      file: path.basename(f.path),
      fallbacks: chain.map((b) => fontOwnName(b.path, b.postscriptName, b.family)),
    };
  });
}
