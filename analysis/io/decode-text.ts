// Chinese Excel and survey exports are often GBK/GB18030; UTF-8 (with or without BOM) otherwise.
// A strict UTF-8 decode that fails means the file is not UTF-8; GB18030 is a superset of GBK.

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const encoding = detectEncoding(bytes);
  if (encoding === 'utf-8-bom') return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding };
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}
