import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import nodePath from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileDialogHandlers, type DialogAdapter, writeFileAtomic } from './file-dialogs.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(nodePath.join(tmpdir(), 'soiltrace-dialogs-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function adapter(choice: { save?: string | null; open?: string[] | null }) {
  const shown: unknown[] = [];
  const dialogs: DialogAdapter = {
    async showSaveDialog(options) {
      shown.push(options);
      return choice.save ? { canceled: false, filePath: choice.save } : { canceled: true };
    },
    async showOpenDialog(options) {
      shown.push(options);
      return choice.open ? { canceled: false, filePaths: choice.open } : { canceled: true, filePaths: [] };
    },
    writeFile: writeFileAtomic,
    defaultDir: '/home/李/Documents',
  };
  return { dialogs, shown };
}

describe('createFileDialogHandlers', () => {
  it('writes the bytes where the user chose, starting from the documents folder', async () => {
    const target = nodePath.join(dir, 'Cd 直方图.png');
    const { dialogs, shown } = adapter({ save: target });
    const data = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
    const filters = [{ name: 'PNG', extensions: ['png'] }];
    expect(
      await createFileDialogHandlers(dialogs).saveFile({ suggestedName: 'Cd 直方图.png', data, filters }),
    ).toEqual({
      saved: true,
      path: target,
    });
    expect(shown).toEqual([{ defaultPath: '/home/李/Documents/Cd 直方图.png', filters }]);
    expect([...(await readFile(target))]).toEqual([...data]);
  });

  it('writes nothing when the user cancels', async () => {
    const { dialogs } = adapter({ save: null });
    const result = await createFileDialogHandlers(dialogs).saveFile({
      suggestedName: 'x.svg',
      data: new Uint8Array([1]),
      filters: [],
    });
    expect(result).toEqual({ saved: false });
  });

  it('shows no dialog for an invalid request', async () => {
    const { dialogs, shown } = adapter({ save: nodePath.join(dir, 'never') });
    const handlers = createFileDialogHandlers(dialogs);
    await expect(handlers.saveFile({ suggestedName: 'x.png', data: 'AAAA', filters: [] })).rejects.toThrow(
      /data/,
    );
    await expect(handlers.openFile({ filters: [], properties: ['openDirectory'] })).rejects.toThrow(
      /open-file/,
    );
    expect(shown).toEqual([]);
  });

  it('returns the one file chosen to open, or null', async () => {
    const filters = [{ name: 'CSV', extensions: ['csv', 'txt'] }];
    const chosen = adapter({ open: ['/data/土壤.csv'] });
    expect(await createFileDialogHandlers(chosen.dialogs).openFile({ title: '导入数据', filters })).toBe(
      '/data/土壤.csv',
    );
    expect(chosen.shown).toEqual([{ title: '导入数据', filters, properties: ['openFile'] }]);
    expect(await createFileDialogHandlers(adapter({ open: null }).dialogs).openFile({ filters })).toBeNull();
  });
});

describe('writeFileAtomic', () => {
  it('replaces an existing file and leaves no temporary file behind', async () => {
    const target = nodePath.join(dir, 'atomic.csv');
    await writeFile(target, 'old');
    await writeFileAtomic(target, new TextEncoder().encode('new,值\n'));
    expect(await readFile(target, 'utf8')).toBe('new,值\n');
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('fails cleanly into a missing folder', async () => {
    await expect(
      writeFileAtomic(nodePath.join(dir, 'missing', 'x.csv'), new Uint8Array([1])),
    ).rejects.toThrow(/ENOENT/);
  });
});
