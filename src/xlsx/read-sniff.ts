// What kind of file the bytes are, from their first bytes: an .xlsx is a zip; an encrypted .xlsx and a
// legacy .xls are OLE compound files; a web page or CSV saved as .xls is text.
import { WorkbookReadError } from "./read-error";

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function indexOfBytes(hay: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  for (let i = hay.indexOf(first); i >= 0 && i <= hay.length - needle.length; i = hay.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && hay[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[i * 2] = s.charCodeAt(i);
  return out;
}

/** The kind of file from its first bytes; throws for anything that is not a zip. */
export function sniff(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new WorkbookReadError("file.empty");
  if (startsWith(bytes, CFB_MAGIC)) {
    // An encrypted .xlsx is an OLE compound file holding EncryptionInfo and EncryptedPackage streams.
    const encrypted =
      indexOfBytes(bytes, utf16le("EncryptedPackage")) >= 0 ||
      indexOfBytes(bytes, utf16le("EncryptionInfo")) >= 0;
    throw new WorkbookReadError(encrypted ? "file.encrypted" : "file.xls");
  }
  // A bare BIFF stream (Excel 2.x–4.x .xls): BOF record 0x0009/0x0209/0x0409/0x0809.
  if (bytes.length >= 2 && bytes[0] === 0x09 && [0x00, 0x02, 0x04, 0x08].includes(bytes[1]))
    throw new WorkbookReadError("file.xls");
  if (!startsWith(bytes, ZIP_MAGIC)) {
    const head = new TextDecoder("utf-8", { fatal: false })
      .decode(bytes.subarray(0, 512))
      .trimStart()
      .toLowerCase();
    const detail = head.startsWith("<") ? "内容是网页或 XML 文本" : undefined;
    throw new WorkbookReadError("file.not_workbook", { detail });
  }
}
