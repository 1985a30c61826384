// The zip container of an .xlsx, read from its central directory under caps before anything is inflated:
// entry count, declared sizes and compression ratios, names unique, each entry's local header naming the
// same file as the directory (a zip whose two records differ is read differently by different tools, so it
// is refused). Only the entries the reader asks for are inflated, each once, never past its declared size
// (a directory that lies about a size is caught while inflating), and their bytes must match the CRC-32
// the directory records: a part changed after zipping is corrupt or tampered with, and refused.
// Names are part names as the packaging rules (OPC, ECMA-376 part 2) compare them: "\" read as "/" (some
// writers use it) and ASCII case ignored, so "[content_types].xml" is "[Content_Types].xml"; two entries
// with one such name are refused like exact duplicates, since which one a program reads is arbitrary.
import { buf as crc32 } from "crc-32";
import { Inflate } from "fflate";
import type { ReadLimits } from "./limits";
import { WorkbookReadError } from "./read-error";

/** Inflates raw DEFLATE data of at most `size` bytes; throws when the data holds more (or is corrupt). */
export type Inflater = (data: Uint8Array, size: number) => Uint8Array;

/** The CRC-32 of some bytes (as an unsigned number). */
export type Checksum = (data: Uint8Array) => number;

/** crc-32's, in JavaScript: the pane's, and the CLI's on a Node without zlib.crc32. */
export const jsCrc32: Checksum = (data) => crc32(data, 0) >>> 0;

export interface ZipEntry {
  /** The name as the directory writes it ("\\" read as "/"). */
  name: string;
  /** The name's bytes in the directory, which the local header must repeat. */
  raw: Uint8Array;
  crc: number;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const corrupt = (detail: string) => new WorkbookReadError("file.corrupt", { detail });

/** The key a part name is looked up by: "/" separators, no leading "/", ASCII case folded. */
export const partKey = (name: string): string =>
  name
    .replace(/\\/g, "/")
    .replace(/^\//, "")
    .replace(/[A-Z]+/g, (m) => m.toLowerCase());

/** Streams through fflate in slices so that a bomb is stopped after one slice past the declared size. */
export const fflateInflater: Inflater = (data, size) => {
  const out = new Uint8Array(size);
  let at = 0;
  let over = false;
  const inf = new Inflate((chunk) => {
    if (over) return;
    if (at + chunk.length > size) {
      over = true;
      return;
    }
    out.set(chunk, at);
    at += chunk.length;
  });
  const SLICE = 256 * 1024;
  try {
    for (let i = 0; i < data.length && !over; i += SLICE)
      inf.push(data.subarray(i, Math.min(data.length, i + SLICE)), i + SLICE >= data.length);
  } catch (e) {
    throw corrupt(`解压失败(${(e as Error).message})`);
  }
  if (over) throw new WorkbookReadError("file.too_large", { detail: "条目解压后大于压缩包目录所记大小" });
  if (at !== size) throw corrupt("条目解压后小于压缩包目录所记大小");
  return out;
};

export class ZipReader {
  readonly entries = new Map<string, ZipEntry>();
  private readonly view: DataView;
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ReadLimits,
    private readonly inflater: Inflater = fflateInflater,
    private readonly checksum: Checksum = jsCrc32,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.readDirectory();
  }

  private u16(at: number): number {
    return this.view.getUint16(at, true);
  }
  private u32(at: number): number {
    return this.view.getUint32(at, true);
  }
  private u64(at: number): number {
    return this.u32(at) + this.u32(at + 4) * 0x100000000;
  }

  private readDirectory(): void {
    const b = this.bytes;
    if (b.length < 22) throw corrupt("压缩包不完整");
    // The end record sits in the last 22 + 65,535 (comment) bytes.
    let end = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--)
      if (b[i] === 0x50 && this.u32(i) === EOCD) {
        end = i;
        break;
      }
    if (end < 0) throw corrupt("找不到压缩包目录(文件不完整)");
    let count = this.u16(end + 10);
    let dirSize = this.u32(end + 12);
    let dirOffset = this.u32(end + 16);
    if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
      const loc = end - 20;
      if (loc < 0 || this.u32(loc) !== EOCD64_LOCATOR) throw corrupt("ZIP64 目录不完整");
      const at = this.u64(loc + 8);
      if (at + 56 > b.length || this.u32(at) !== EOCD64) throw corrupt("ZIP64 目录不完整");
      count = this.u64(at + 32);
      dirSize = this.u64(at + 40);
      dirOffset = this.u64(at + 48);
    }
    const { limits } = this;
    if (count > limits.maxEntries)
      throw new WorkbookReadError("file.over_limit", {
        label: "压缩包条目个数",
        max: `${limits.maxEntries} 个`,
        detail: `压缩包目录记有 ${count} 个条目`,
      });
    if (dirOffset + dirSize > b.length) throw corrupt("压缩包目录超出文件范围(文件不完整)");
    let p = dirOffset;
    let declared = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > b.length || this.u32(p) !== CENTRAL) throw corrupt("压缩包目录已损坏");
      const flags = this.u16(p + 8);
      const method = this.u16(p + 10);
      const crc = this.u32(p + 16);
      let compressedSize = this.u32(p + 20);
      let size = this.u32(p + 24);
      const nameLen = this.u16(p + 28);
      const extraLen = this.u16(p + 30);
      const commentLen = this.u16(p + 32);
      let localOffset = this.u32(p + 42);
      const nameAt = p + 46;
      if (nameAt + nameLen + extraLen > b.length) throw corrupt("压缩包目录已损坏");
      if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
        // ZIP64 extra field (id 1): the 64-bit values, in this order, for those that overflowed.
        for (let e = nameAt + nameLen; e + 4 <= nameAt + nameLen + extraLen;) {
          const id = this.u16(e);
          const len = this.u16(e + 2);
          if (id === 1) {
            let q = e + 4;
            if (size === 0xffffffff) ((size = this.u64(q)), (q += 8));
            if (compressedSize === 0xffffffff) ((compressedSize = this.u64(q)), (q += 8));
            if (localOffset === 0xffffffff) localOffset = this.u64(q);
            break;
          }
          e += 4 + len;
        }
      }
      const raw = b.subarray(nameAt, nameAt + nameLen);
      const name = new TextDecoder("utf-8").decode(raw).replace(/\\/g, "/").replace(/^\//, "");
      p = nameAt + nameLen + extraLen + commentLen;
      if (name.endsWith("/")) continue; // a folder
      declared += size;
      if (declared > limits.maxTotalBytes)
        throw new WorkbookReadError("file.too_large", { detail: `解压后超过 ${mb(limits.maxTotalBytes)}` });
      if (size >= limits.ratioCheckFrom && size / Math.max(1, compressedSize) > limits.maxRatio)
        throw new WorkbookReadError("file.too_large", { detail: `${name} 压缩比超过 ${limits.maxRatio}:1` });
      const key = partKey(name);
      const twin = this.entries.get(key);
      if (twin)
        throw corrupt(
          twin.name === name
            ? `压缩包中有两个同名条目 ${name}`
            : `压缩包中有两个仅大小写或路径分隔符不同的条目 ${twin.name} 与 ${name}`,
        );
      this.entries.set(key, { name, raw, crc, method, flags, compressedSize, size, localOffset });
    }
  }

  /** The entry of a part name (compared as part names are), if the zip has it. */
  entry(name: string): ZipEntry | undefined {
    return this.entries.get(partKey(name));
  }

  has(name: string): boolean {
    return this.entries.has(partKey(name));
  }

  /** The entry's bytes, inflated under the caps; undefined when the zip has no such entry. */
  read(part: string, maxBytes = Infinity): Uint8Array | undefined {
    const e = this.entry(part);
    if (!e) return undefined;
    const name = e.name;
    const b = this.bytes;
    const at = e.localOffset;
    if (at + 30 > b.length || this.u32(at) !== LOCAL) throw corrupt(`${name}: 本地文件头已损坏`);
    if (e.flags & 1) throw new WorkbookReadError("file.encrypted");
    const nameLen = this.u16(at + 26);
    const extraLen = this.u16(at + 28);
    // The same bytes, but for a leading "/" that either record may have.
    const trim = (x: Uint8Array) => (x[0] === 0x2f ? x.subarray(1) : x);
    const local = trim(b.subarray(at + 30, at + 30 + nameLen));
    const want = trim(e.raw);
    if (local.length !== want.length || !local.every((x, i) => x === want[i]))
      throw corrupt(`${name}: 本地文件头与目录记录的文件名不一致`);
    const start = at + 30 + nameLen + extraLen;
    if (start + e.compressedSize > b.length) throw corrupt(`${name}: 数据超出文件范围(文件不完整)`);
    if (e.size > maxBytes)
      throw new WorkbookReadError("file.too_large", { detail: `${name} 解压后超过 ${mb(maxBytes)}` });
    this.inflated += e.size;
    if (this.inflated > this.limits.maxTotalBytes)
      throw new WorkbookReadError("file.too_large", {
        detail: `解压后超过 ${mb(this.limits.maxTotalBytes)}`,
      });
    const data = b.subarray(start, start + e.compressedSize);
    let out: Uint8Array;
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw corrupt(`${name}: 未压缩条目的大小不一致`);
      out = data;
    } else if (e.method !== 8) throw corrupt(`${name}: 不支持的压缩方法 ${e.method}`);
    else out = e.size === 0 ? new Uint8Array(0) : this.inflater(data, e.size);
    if (this.checksum(out) !== e.crc)
      throw corrupt(`${name}: 内容与压缩包记录的校验值(CRC-32)不符，文件已损坏或被改动`);
    return out;
  }
}
