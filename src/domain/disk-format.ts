// Disk-format detection from magic bytes, the way qemu-img and Glance's format_inspector do it:
// look at the head of the file (and, for VHD, its last 512 bytes) and never at anything else,
// so a stream of any size can be inspected while it passes.

export interface Detected {
  format: 'QCOW2' | 'VMDK' | 'VHD' | 'VHDX' | 'VDI' | 'ISO' | 'RAW';
  /** The disk's size as the guest sees it, in bytes, when the header states it; null otherwise. */
  virtualSize: number | null;
  /**
   * Why the bytes must not be taken under any declaration: they begin as a format a hypervisor
   * would probe (qcow v1, QED, a qcow2 or VMDK header that does not parse) but are not one this
   * catalog reads. Taken as raw, or as what they claim, they could still reach a backing file.
   */
  unsafe?: string;
}

/** ISO 9660's first volume descriptor is at sector 16 (2048-byte sectors); `CD001` follows its type byte. */
const ISO_MAGIC_OFFSET = 16 * 2048 + 1;

/**
 * How many leading bytes detection needs (ISO 9660's descriptor sits at 32769; VHD's footer is
 * the LAST 512 bytes, which callers pass separately as `tail`).
 */
export const SNIFF_BYTES = ISO_MAGIC_OFFSET + 5;

/** VHD's footer, and the copy of it at the start of a dynamic disk. */
export const VHD_FOOTER_BYTES = 512;

const raw = (): Detected => ({ format: 'RAW', virtualSize: null });
const unsafe = (reason: string): Detected => ({ format: 'RAW', virtualSize: null, unsafe: reason });

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const QCOW2_MAGIC = Uint8Array.of(0x51, 0x46, 0x49, 0xfb); // "QFI\xfb", qcow v1's too
const QED_MAGIC = Uint8Array.of(0x51, 0x45, 0x44, 0x00); // "QED\0"
const VMDK_SPARSE_MAGIC = ascii('KDMV');
const VMDK3_MAGIC = ascii('COWD');
const VHDX_MAGIC = ascii('vhdxfile');
const VDI_TEXT = ascii('<<< ');
const VDI_SIGNATURE = 0xbeda107f;
const VHD_COOKIE = ascii('conectix');
const ISO_MAGIC = ascii('CD001');

function startsWithAt(bytes: Uint8Array, magic: Uint8Array, offset = 0): boolean {
  if (bytes.length < offset + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[offset + i] !== magic[i]) return false;
  return true;
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** A byte count as a number, or null when it is not exactly representable. */
function safeSize(size: bigint): number | null {
  return size <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(size) : null;
}

/** qcow2 v3's incompatible feature bit for an external data file. */
const QCOW2_EXTERNAL_DATA_FILE = 1n << 2n;

function qcow2(head: Uint8Array): Detected | null {
  if (head.length < 32) return null; // magic, version, backing file offset/size, cluster_bits, size
  const version = view(head).getUint32(4, false);
  if (version !== 2 && version !== 3) return null;
  // Either names another file the hypervisor would read along with this one.
  if (view(head).getBigUint64(8, false) !== 0n) return unsafe('the bytes are a qcow2 image with a backing file');
  if (version === 3 && (head.length < 80 || view(head).getBigUint64(72, false) & QCOW2_EXTERNAL_DATA_FILE)) {
    return unsafe('the bytes are a qcow2 image with an external data file, or its header is cut short');
  }
  return { format: 'QCOW2', virtualSize: safeSize(view(head).getBigUint64(24, false)) };
}

function vmdkSparse(head: Uint8Array): Detected | null {
  if (head.length < 20) return null; // magic, version, flags, capacity
  return { format: 'VMDK', virtualSize: safeSize(view(head).getBigUint64(12, true) * 512n) };
}

function vdi(head: Uint8Array): Detected | null {
  if (head.length < 376) return null; // the pre-header text, signature, ..., disk size at 368
  if (view(head).getUint32(64, true) !== VDI_SIGNATURE) return null;
  return { format: 'VDI', virtualSize: safeSize(view(head).getBigUint64(368, true)) };
}

/** How much of the head is read as text: qemu's probe reads 512 bytes (BLOCK_PROBE_BUF_SIZE); more refuses rather than misses. */
const PROBE_BYTES = 2048;

/**
 * A VMDK text descriptor: what qemu's probe (vmdk_probe) takes for one (past comment lines and
 * lines of spaces, the first line is `version=1`, `2` or `3`), or any text that states a
 * `createType`, which qemu's VMDK driver reads as a descriptor when told the format is VMDK.
 */
function vmdkDescriptor(head: Uint8Array): boolean {
  if (/createType\s*=/.test(Buffer.from(head).toString('latin1'))) return true;
  const text = Buffer.from(head.subarray(0, PROBE_BYTES)).toString('latin1');
  let at = 0;
  while (at < text.length) {
    if (text[at] === '#') {
      const end = text.indexOf('\n', at);
      if (end < 0) return false;
      at = end + 1;
    } else if (text[at] === ' ') {
      while (text[at] === ' ') at++;
      if (text[at] === '\r') at++;
      if (text[at] !== '\n') return false;
      at++;
    } else return /^version=[123]\r?\n/.test(text.slice(at, at + 11));
  }
  return false;
}

/** A VHD footer: the cookie, then the current size (u64 BE) at 48. */
function vhdFooter(footer: Uint8Array): Detected | null {
  if (footer.length < VHD_FOOTER_BYTES || !startsWithAt(footer, VHD_COOKIE)) return null;
  return { format: 'VHD', virtualSize: safeSize(view(footer).getBigUint64(48, false)) };
}

/**
 * Detects the format from the first SNIFF_BYTES (or fewer, if the file is shorter) and, for VHD,
 * the file's last 512 bytes. Never throws: anything unrecognised is RAW, and a known magic whose
 * header does not parse is RAW marked `unsafe`.
 */
export function detectDiskFormat(head: Uint8Array, tail?: Uint8Array): Detected {
  // Formats with a magic number at offset 0 first: they are specific and cheap to check.
  if (startsWithAt(head, QCOW2_MAGIC)) return qcow2(head) ?? unsafe('the bytes begin as qcow but are not a qcow2 version 2 or 3 image');
  if (startsWithAt(head, QED_MAGIC)) return unsafe('the bytes are a QED image, a format this catalog does not take');
  if (startsWithAt(head, VMDK_SPARSE_MAGIC)) return vmdkSparse(head) ?? unsafe('the bytes begin as a VMDK extent but its header is cut short');
  if (startsWithAt(head, VMDK3_MAGIC)) return unsafe('the bytes are a VMDK version 3 (COWD) image, which this catalog does not take');
  // Its data is in the files it names, and they are not these bytes.
  if (vmdkDescriptor(head)) return unsafe('the bytes are a VMDK descriptor, which names its data in other files');
  if (startsWithAt(head, VHDX_MAGIC)) return { format: 'VHDX', virtualSize: null };
  if (startsWithAt(head, VDI_TEXT)) {
    const found = vdi(head);
    if (found) return found;
  }
  // A dynamic VHD starts with a copy of its footer.
  const headFooter = vhdFooter(head.subarray(0, VHD_FOOTER_BYTES));
  if (headFooter) return headFooter;
  // A fixed VHD is the raw disk followed by the footer; it wins over whatever the disk holds (an ISO).
  if (tail && tail.length >= VHD_FOOTER_BYTES) {
    const tailFooter = vhdFooter(tail.subarray(tail.length - VHD_FOOTER_BYTES));
    if (tailFooter) return tailFooter;
  }
  if (startsWithAt(head, ISO_MAGIC, ISO_MAGIC_OFFSET)) return { format: 'ISO', virtualSize: null };
  return raw();
}
