import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { type MenuActions, menuLocale, menuTemplate } from './menu.ts';

function recordingActions() {
  const calls: string[] = [];
  const actions: MenuActions = {
    newProject: () => calls.push('newProject'),
    openProject: () => calls.push('openProject'),
    saveProjectAs: () => calls.push('saveProjectAs'),
    openRecent: (path) => calls.push(`openRecent ${path}`),
    clearRecent: () => calls.push('clearRecent'),
    importData: () => calls.push('importData'),
    exportData: () => calls.push('exportData'),
    showView: (view) => calls.push(`showView ${view}`),
    setLanguage: (locale) => calls.push(`setLanguage ${locale}`),
    userGuide: () => calls.push('userGuide'),
    about: () => calls.push('about'),
  };
  return { actions, calls };
}

const options = { recent: [] as string[], isMac: false, isDevelopment: false, canSaveAs: true };

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  const items = item?.submenu;
  if (!Array.isArray(items)) throw new Error(`${item?.label} has no submenu`);
  return items;
}

function byId(items: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const found = items.find((item) => item.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as (() => void) | undefined)?.();
}

describe('menuLocale', () => {
  it('is English only for English app locales', () => {
    expect(menuLocale('en-US')).toBe('en');
    expect(menuLocale('en')).toBe('en');
    expect(menuLocale('zh-CN')).toBe('zh');
    expect(menuLocale('de-DE')).toBe('zh');
  });
});

describe('menuTemplate', () => {
  const fileItems = [
    'new-project',
    'open-project',
    'save-project-as',
    'open-recent',
    'import-data',
    'export-data',
  ];

  it('has File (new, open, save as, recent, import, export), View and Help in Chinese', () => {
    const { actions } = recordingActions();
    const template = menuTemplate('zh', actions, options);
    expect(template.map((item) => item.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const file = submenu(template[0]);
    expect(fileItems.map((id) => byId(file, id).label)).toEqual([
      '新建项目…',
      '打开项目…',
      '项目另存为…',
      '最近打开',
      '导入数据…',
      '导出…',
    ]);
    expect(submenu(template[2]).map((item) => item.label)).toContain('地图');
    expect(submenu(template[3]).map((item) => item.label)).toEqual(['使用指南', '关于 SoilTrace']);
  });

  it('has the same items in English', () => {
    const { actions } = recordingActions();
    const template = menuTemplate('en', actions, options);
    expect(template.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    const file = submenu(template[0]);
    expect(fileItems.map((id) => byId(file, id).label)).toEqual([
      'New Project…',
      'Open Project…',
      'Save Project As…',
      'Open Recent',
      'Import Data…',
      'Export…',
    ]);
  });

  it('wires each item to its action and keeps the usual shortcuts', () => {
    const { actions, calls } = recordingActions();
    const template = menuTemplate('zh', actions, { ...options, recent: ['/data/徐州.duckdb'] });
    const file = submenu(template[0]);
    for (const id of ['new-project', 'open-project', 'save-project-as', 'import-data', 'export-data']) {
      click(byId(file, id));
    }
    const recent = submenu(byId(file, 'open-recent'));
    expect(recent[0]).toMatchObject({ label: '徐州.duckdb', sublabel: '/data/徐州.duckdb' });
    click(recent[0]);
    click(byId(submenu(template[2]), 'view-map'));
    const language = submenu(submenu(template[2]).find((item) => item.label === '语言'));
    expect(language.map((item) => [item.label, item.checked])).toEqual([
      ['中文', true],
      ['English', false],
    ]);
    click(byId(language, 'language-en'));
    click(byId(submenu(template[3]), 'about'));
    expect(calls).toEqual([
      'newProject',
      'openProject',
      'saveProjectAs',
      'importData',
      'exportData',
      'openRecent /data/徐州.duckdb',
      'showView map',
      'setLanguage en',
      'about',
    ]);
    expect(byId(file, 'new-project').accelerator).toBe('CmdOrCtrl+N');
    expect(byId(file, 'open-project').accelerator).toBe('CmdOrCtrl+O');
  });

  it('shows an empty recent list as disabled, Save As disabled without core support', () => {
    const { actions } = recordingActions();
    const file = submenu(menuTemplate('en', actions, { ...options, canSaveAs: false })[0]);
    const recent = submenu(byId(file, 'open-recent'));
    expect(recent[0]).toMatchObject({ label: '(none)', enabled: false });
    expect(recent.at(-1)).toMatchObject({ label: 'Clear Recent', enabled: false });
    expect(byId(file, 'save-project-as').enabled).toBe(false);
  });

  it('offers developer tools only in development, and the app menu only on macOS', () => {
    const { actions } = recordingActions();
    const roles = (template: MenuItemConstructorOptions[]) =>
      template.flatMap((item) => [
        item.role,
        ...(Array.isArray(item.submenu) ? item.submenu.map((s) => s.role) : []),
      ]);
    expect(roles(menuTemplate('en', actions, options))).not.toContain('toggleDevTools');
    expect(roles(menuTemplate('en', actions, { ...options, isDevelopment: true }))).toContain(
      'toggleDevTools',
    );
    const mac = menuTemplate('en', actions, { ...options, isMac: true });
    expect(mac[0].role).toBe('appMenu');
    expect(submenu(mac[1]).some((item) => item.role === 'quit')).toBe(false);
  });
});
