// Installers (electron-builder, `npm run dist`): Windows NSIS (x64), Linux deb and AppImage (x64 and
// arm64, for 信创 machines such as UOS and Kylin). The app is the build in out/ plus the production
// dependencies; tests/unit/backbone/installer-config.test.ts checks this file and the packed file list.
//
// better-sqlite3: version 13 ships Node-API prebuilds for every target in its own package
// (prebuilds/<platform>-<arch>.node) that load in Node and in Electron alike, so nothing is rebuilt:
// npmRebuild/nodeGypRebuild/buildDependenciesFromSource are off (a rebuild would try to compile its
// binding.gyp from source, needing a compiler and Electron's headers). Only the target platform's
// prebuilds are packed, unpacked from the asar (a .node file cannot be loaded from inside it).
'use strict';

// What the app is made of (electron-builder adds the production dependencies of package.json).
// A platform's own `files` replaces this list, so each platform repeats it with its exclusions.
const FILES = [
  'package.json',
  'out/**/*',
  // better-sqlite3: its JavaScript and prebuilds, not its C sources (~10 MB).
  '!node_modules/better-sqlite3/{src,deps,build}/**',
  '!node_modules/better-sqlite3/binding.gyp',
  '!**/*.{md,markdown,map,ts,tsx}',
  '!node_modules/@types/**',
];

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'cn.yishi.meeting',
  productName: '议事',
  executableName: 'yishi',
  copyright: '议事',
  directories: { output: 'dist', buildResources: 'build-resources' },
  files: FILES,
  // The bundled document fonts, beside the asar: src-main/documents/fonts.ts looks in process.resourcesPath/fonts.
  extraResources: [{ from: 'resources/fonts', to: 'fonts', filter: ['**/*', '!build-fonts.sh'] }],
  asar: true,
  asarUnpack: ['node_modules/better-sqlite3/prebuilds/*.node'],
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  // Each platform keeps only its own prebuilds (both architectures; binding.js picks one at run time).
  // For node_modules electron-builder applies only exclusions, and ${platform} would be the BUILD
  // host's platform, so this is spelled out per target.
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    files: [...FILES, '!node_modules/better-sqlite3/prebuilds/{linux,linuxmusl,darwin}-*.node'],
  },
  nsis: {
    oneClick: false, // an assisted installer: the user sees the steps and may choose the folder
    allowToChangeInstallationDirectory: true,
    perMachine: false,
    createDesktopShortcut: 'always',
    createStartMenuShortcut: true,
    shortcutName: '议事',
    menuCategory: false,
    // Chinese installer UI only (LCID 2052 = zh-CN).
    language: '2052',
    installerLanguages: ['zh_CN'],
    multiLanguageInstaller: false,
    // The data folder (%APPDATA%\议事: yishi.sqlite, backups) stays when the app is uninstalled.
    deleteAppDataOnUninstall: false,
    artifactName: 'yishi-${version}-setup-${arch}.${ext}',
  },
  linux: {
    target: [
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ],
    files: [...FILES, '!node_modules/better-sqlite3/prebuilds/{darwin,win32}-*.node'],
    category: 'Office',
    synopsis: '地方人大常委会会议系统（离线）',
    description: '议事：地方人大常委会会议系统，离线运行的桌面应用。',
    maintainer: '议事 <yishi@localhost>',
    artifactName: 'yishi-${version}-${arch}.${ext}',
  },
};
