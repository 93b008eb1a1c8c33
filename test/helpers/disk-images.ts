// Small, valid-looking disk images for tests: real headers with the fields the gateway reads
// (and the fields a real reader checks first) set, zeros elsewhere. Not bootable, not complete
// images; enough for format detection and for streaming a recognisable file through an import.

const MiB = 1024 * 1024;

function atLeast(name: string, bytes: number, minimum: number) {
  if (!Number.isSafeInteger(bytes) || bytes < minimum) {
    throw new RangeError(`${name} needs at least ${minimum} bytes, got ${bytes}`);
  }
}

/**
 * A QCOW2 version 3 image: magic `QFI\xfb`, version 3, no backing file, cluster_bits 16,
 * virtual size (u64 BE) at 24, refcount_order 4 and header_length 104 as qemu writes them.
 * `totalBytes` (at least 512) pads the file with zeros. `virtualSize` may be a bigint to go
 * past Number.MAX_SAFE_INTEGER.
 */
export function qcow2(virtualSize: number | bigint, totalBytes = 512): Buffer {
  atLeast('qcow2', totalBytes, 512);
  const image = Buffer.alloc(totalBytes);
  image.write('QFI\xfb', 0, 'latin1');
  image.writeUInt32BE(3, 4); // version
  image.writeBigUInt64BE(0n, 8); // backing_file_offset: none
  image.writeUInt32BE(0, 16); // backing_file_size
  image.writeUInt32BE(16, 20); // cluster_bits: 64 KiB clusters
  image.writeBigUInt64BE(BigInt(virtualSize), 24); // size
  image.writeUInt32BE(4, 96); // refcount_order: 16-bit refcounts
  image.writeUInt32BE(104, 100); // header_length
  return image;
}

/** A VMDK hosted sparse extent header (`KDMV`): capacity in 512-byte sectors (u64 LE at 12). */
export function vmdkSparse(capacitySectors: number | bigint): Buffer {
  const image = Buffer.alloc(512);
  image.write('KDMV', 0, 'latin1');
  image.writeUInt32LE(1, 4); // version
  image.writeUInt32LE(3, 8); // flags: valid newline test, redundant grain table
  image.writeBigUInt64LE(BigInt(capacitySectors), 12); // capacity
  image.writeBigUInt64LE(128n, 20); // grainSize: 64 KiB
  image.writeUInt32LE(512, 44); // numGTEsPerGT
  image.write('\n \r\n', 73, 'latin1'); // the newline-corruption test characters
  return image;
}

/** A VMDK text descriptor, as in a monolithicFlat or split image's .vmdk file. */
export function vmdkDescriptor(): Buffer {
  return Buffer.from(
    [
      '# Disk DescriptorFile',
      'version=1',
      'CID=fffffffe',
      'parentCID=ffffffff',
      'createType="monolithicFlat"',
      '',
      '# Extent description',
      'RW 2048 FLAT "disk-flat.vmdk" 0',
      '',
    ].join('\n'),
    'latin1',
  );
}

/** A VHD footer (512 bytes): cookie `conectix`, current size (u64 BE) at 48, and a valid checksum. */
export function vhdFooter(currentSize: number | bigint, diskType: 'fixed' | 'dynamic' = 'fixed'): Buffer {
  const footer = Buffer.alloc(512);
  footer.write('conectix', 0, 'latin1');
  footer.writeUInt32BE(2, 8); // features: reserved bit, always set
  footer.writeUInt32BE(0x0001_0000, 12); // file format version
  footer.writeBigUInt64BE(diskType === 'fixed' ? 0xffff_ffff_ffff_ffffn : 512n, 16); // data offset
  footer.write('test', 28, 'latin1'); // creator application
  footer.write('Wi2k', 36, 'latin1'); // creator host OS
  footer.writeBigUInt64BE(BigInt(currentSize), 40); // original size
  footer.writeBigUInt64BE(BigInt(currentSize), 48); // current size
  footer.writeUInt32BE(diskType === 'fixed' ? 2 : 3, 60); // disk type
  let sum = 0;
  for (const byte of footer) sum += byte;
  footer.writeUInt32BE(~sum >>> 0, 64); // checksum: one's complement of the byte sum
  return footer;
}

/** A fixed VHD: `bytes` of (zero) disk data followed by the 512-byte footer. */
export function vhdFixed(bytes: number): Buffer {
  atLeast('vhdFixed', bytes, 0);
  return Buffer.concat([Buffer.alloc(bytes), vhdFooter(bytes)]);
}

/**
 * A dynamic VHD with no blocks allocated: footer copy at 0, the `cxsparse` dynamic header at 512,
 * an empty block allocation table at 1536, and the footer again at the end.
 */
export function vhdDynamic(virtualSize: number): Buffer {
  const footer = vhdFooter(virtualSize, 'dynamic');
  const blockSize = 2 * MiB;
  const entries = Math.ceil(virtualSize / blockSize);
  const header = Buffer.alloc(1024);
  header.write('cxsparse', 0, 'latin1');
  header.writeBigUInt64BE(0xffff_ffff_ffff_ffffn, 8); // data offset: unused
  header.writeBigUInt64BE(1536n, 16); // table offset
  header.writeUInt32BE(0x0001_0000, 24); // header version
  header.writeUInt32BE(entries, 28); // max table entries
  header.writeUInt32BE(blockSize, 32); // block size
  let sum = 0;
  for (const byte of header) sum += byte;
  header.writeUInt32BE(~sum >>> 0, 36); // checksum
  const table = Buffer.alloc(Math.ceil((entries * 4) / 512) * 512, 0xff); // every block unallocated
  return Buffer.concat([footer, header, table, footer]);
}

/** The start of a VHDX file: the 64 KiB file type identifier, `vhdxfile` and a UTF-16 creator. */
export function vhdx(): Buffer {
  const image = Buffer.alloc(64 * 1024);
  image.write('vhdxfile', 0, 'latin1');
  image.write('image-catalog-gateway tests', 8, 'utf16le');
  return image;
}

/** A VirtualBox VDI header: pre-header text, signature 0xbeda107f (LE) at 64, disk size (u64 LE) at 368. */
export function vdi(virtualSize: number | bigint): Buffer {
  const image = Buffer.alloc(512);
  image.write('<<< Oracle VM VirtualBox Disk Image >>>\n', 0, 'latin1');
  image.writeUInt32LE(0xbeda107f, 64); // signature
  image.writeUInt32LE(0x0001_0001, 68); // version 1.1
  image.writeUInt32LE(400, 72); // header size
  image.writeUInt32LE(1, 76); // image type: dynamic
  image.writeUInt32LE(512, 340); // offset of the block map
  image.writeUInt32LE(1024 * 1024, 344); // offset of the data
  image.writeUInt32LE(512, 364); // sector size
  image.writeBigUInt64LE(BigInt(virtualSize), 368); // disk size
  image.writeUInt32LE(MiB, 376); // block size
  return image;
}

/**
 * An ISO 9660 image of `totalBytes` (at least 34816, the end of sector 16): a primary volume
 * descriptor at sector 16 (type 1, `CD001` at 32769, version 1) and, if there is room, the set
 * terminator at sector 17.
 */
export function iso9660(totalBytes = 36 * 1024): Buffer {
  atLeast('iso9660', totalBytes, 17 * 2048);
  const image = Buffer.alloc(totalBytes);
  image[16 * 2048] = 1;
  image.write('CD001', 16 * 2048 + 1, 'latin1');
  image[16 * 2048 + 6] = 1;
  if (totalBytes >= 18 * 2048) {
    image[17 * 2048] = 255;
    image.write('CD001', 17 * 2048 + 1, 'latin1');
    image[17 * 2048 + 6] = 1;
  }
  return image;
}

/** `bytes` of deterministic noise (xorshift32), matching no format's magic. */
export function raw(bytes: number, seed = 0x9e3779b9): Buffer {
  atLeast('raw', bytes, 0);
  const image = Buffer.alloc(bytes);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < bytes; i++) {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    image[i] = state & 0xff;
  }
  return image;
}
