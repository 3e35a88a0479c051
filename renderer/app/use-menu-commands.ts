import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n/index.ts';
import { navigate } from './use-hash-route.ts';

/**
 * In Electron, the native menu drives the page: File › Import opens the wizard on the chosen
 * file, File › Export opens the current chart's export menu, View switches pages and language.
 * The UI language is reported back so the menu follows it. In a browser this does nothing.
 */
export function useMenuCommands(): void {
  const { i18n } = useTranslation();
  const bridge = typeof window === 'undefined' ? undefined : window.soiltrace;

  useEffect(() => {
    bridge?.setLanguage?.(i18n.language.startsWith('en') ? 'en' : 'zh');
  }, [bridge, i18n.language]);

  useEffect(() => {
    if (!bridge?.onMenuCommand) return;
    return bridge.onMenuCommand((command) => {
      switch (command.type) {
        case 'import-data':
          navigate('project', { import: command.path });
          break;
        case 'export':
          document
            .querySelector<HTMLButtonElement>('main [data-testid=export-button]:not(:disabled)')
            ?.click();
          break;
        case 'show-view':
          navigate(command.view === 'jobs' ? 'project' : command.view);
          break;
        case 'set-language':
          setLanguage(command.locale === 'en' ? 'en' : 'zh-CN');
          break;
        case 'user-guide':
          break;
      }
    });
  }, [bridge]);
}
