import nodePath from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';

export type MenuLocale = 'zh' | 'en';
export type WorkbenchView = 'project' | 'data' | 'map' | 'jobs';

/** What the menu can ask for; main wires each to a dialog, the core or the renderer. */
export interface MenuActions {
  newProject(): void;
  openProject(): void;
  saveProjectAs(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  importData(): void;
  exportData(): void;
  showView(view: WorkbenchView): void;
  setLanguage(locale: MenuLocale): void;
  userGuide(): void;
  about(): void;
}

export interface MenuOptions {
  recent: readonly string[];
  isMac: boolean;
  /** Unpackaged builds get the developer tools item. */
  isDevelopment: boolean;
  /** Save As needs the core's project.saveAs; the item stays disabled without it. */
  canSaveAs: boolean;
}

/** Chinese unless the app locale is English (DEVELOPERS.md: Chinese first). */
export function menuLocale(appLocale: string): MenuLocale {
  return appLocale.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

const LABELS = {
  file: { zh: '文件', en: 'File' },
  newProject: { zh: '新建项目…', en: 'New Project…' },
  openProject: { zh: '打开项目…', en: 'Open Project…' },
  saveProjectAs: { zh: '项目另存为…', en: 'Save Project As…' },
  recent: { zh: '最近打开', en: 'Open Recent' },
  noRecent: { zh: '（无）', en: '(none)' },
  clearRecent: { zh: '清除最近打开记录', en: 'Clear Recent' },
  importData: { zh: '导入数据…', en: 'Import Data…' },
  exportData: { zh: '导出…', en: 'Export…' },
  quit: { zh: '退出', en: 'Quit' },
  edit: { zh: '编辑', en: 'Edit' },
  undo: { zh: '撤销', en: 'Undo' },
  redo: { zh: '重做', en: 'Redo' },
  cut: { zh: '剪切', en: 'Cut' },
  copy: { zh: '复制', en: 'Copy' },
  paste: { zh: '粘贴', en: 'Paste' },
  selectAll: { zh: '全选', en: 'Select All' },
  view: { zh: '视图', en: 'View' },
  projectView: { zh: '项目', en: 'Project' },
  dataView: { zh: '数据', en: 'Data' },
  mapView: { zh: '地图', en: 'Map' },
  jobsView: { zh: '任务', en: 'Jobs' },
  language: { zh: '语言', en: 'Language' },
  zoomIn: { zh: '放大', en: 'Zoom In' },
  zoomOut: { zh: '缩小', en: 'Zoom Out' },
  resetZoom: { zh: '实际大小', en: 'Actual Size' },
  fullScreen: { zh: '切换全屏', en: 'Toggle Full Screen' },
  reload: { zh: '重新加载', en: 'Reload' },
  devTools: { zh: '开发者工具', en: 'Developer Tools' },
  help: { zh: '帮助', en: 'Help' },
  userGuide: { zh: '使用指南', en: 'User Guide' },
  about: { zh: '关于 SoilTrace', en: 'About SoilTrace' },
} satisfies Record<string, Record<MenuLocale, string>>;

export function menuTemplate(
  locale: MenuLocale,
  actions: MenuActions,
  options: MenuOptions,
): MenuItemConstructorOptions[] {
  const t = (key: keyof typeof LABELS) => LABELS[key][locale];
  const recentItems: MenuItemConstructorOptions[] = options.recent.length
    ? options.recent.map((path) => ({
        label: nodePath.basename(path),
        sublabel: path,
        toolTip: path,
        click: () => actions.openRecent(path),
      }))
    : [{ label: t('noRecent'), enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: t('file'),
    submenu: [
      { id: 'new-project', label: t('newProject'), accelerator: 'CmdOrCtrl+N', click: actions.newProject },
      { id: 'open-project', label: t('openProject'), accelerator: 'CmdOrCtrl+O', click: actions.openProject },
      {
        id: 'save-project-as',
        label: t('saveProjectAs'),
        accelerator: 'CmdOrCtrl+Shift+S',
        enabled: options.canSaveAs,
        click: actions.saveProjectAs,
      },
      {
        id: 'open-recent',
        label: t('recent'),
        submenu: [
          ...recentItems,
          { type: 'separator' },
          { label: t('clearRecent'), enabled: options.recent.length > 0, click: actions.clearRecent },
        ],
      },
      { type: 'separator' },
      { id: 'import-data', label: t('importData'), accelerator: 'CmdOrCtrl+I', click: actions.importData },
      { id: 'export-data', label: t('exportData'), accelerator: 'CmdOrCtrl+E', click: actions.exportData },
      ...(options.isMac
        ? []
        : [
            { type: 'separator' } as const,
            { label: t('quit'), role: 'quit' as const, accelerator: 'Ctrl+Q' },
          ]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: t('edit'),
    submenu: [
      { label: t('undo'), role: 'undo' },
      { label: t('redo'), role: 'redo' },
      { type: 'separator' },
      { label: t('cut'), role: 'cut' },
      { label: t('copy'), role: 'copy' },
      { label: t('paste'), role: 'paste' },
      { label: t('selectAll'), role: 'selectAll' },
    ],
  };

  const views: [WorkbenchView, keyof typeof LABELS][] = [
    ['project', 'projectView'],
    ['data', 'dataView'],
    ['map', 'mapView'],
    ['jobs', 'jobsView'],
  ];
  const view: MenuItemConstructorOptions = {
    label: t('view'),
    submenu: [
      ...views.map(
        ([name, label], index): MenuItemConstructorOptions => ({
          id: `view-${name}`,
          label: t(label),
          accelerator: `CmdOrCtrl+${index + 1}`,
          click: () => actions.showView(name),
        }),
      ),
      { type: 'separator' },
      {
        label: t('language'),
        submenu: [
          {
            id: 'language-zh',
            label: '中文',
            type: 'radio',
            checked: locale === 'zh',
            click: () => actions.setLanguage('zh'),
          },
          {
            id: 'language-en',
            label: 'English',
            type: 'radio',
            checked: locale === 'en',
            click: () => actions.setLanguage('en'),
          },
        ],
      },
      { type: 'separator' },
      { label: t('zoomIn'), role: 'zoomIn' },
      { label: t('zoomOut'), role: 'zoomOut' },
      { label: t('resetZoom'), role: 'resetZoom' },
      { label: t('fullScreen'), role: 'togglefullscreen' },
      { type: 'separator' },
      { label: t('reload'), role: 'reload' },
      ...(options.isDevelopment ? [{ label: t('devTools'), role: 'toggleDevTools' as const }] : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: t('help'),
    role: 'help',
    submenu: [
      { id: 'user-guide', label: t('userGuide'), accelerator: 'F1', click: actions.userGuide },
      { id: 'about', label: t('about'), click: actions.about },
    ],
  };

  const appMenu: MenuItemConstructorOptions[] = options.isMac ? [{ role: 'appMenu' }] : [];
  return [...appMenu, file, edit, view, help];
}
