import { describe, expect, it } from 'vitest';
import { DISK_FORMATS } from '../../src/db/entities/image.js';
import { detectDiskFormat, SNIFF_BYTES } from '../../src/domain/disk-format.js';
import {
  iso9660, qcow2, raw, vdi, vhdDynamic, vhdFixed, vhdFooter, vhdx, vmdkDescriptor, vmdkSparse,
} from '../helpers/disk-images.js';

const GiB = 1024 ** 3;

/** What a streaming caller passes: the first SNIFF_BYTES and the last 512 bytes. */
const detect = (file: Buffer) => detectDiskFormat(file.subarray(0, SNIFF_BYTES), file.subarray(-512));

describe('detectDiskFormat', () => {
  it('needs enough head bytes to reach ISO 9660\'s CD001 at 32769', () => {
    expect(SNIFF_BYTES).toBeGreaterThanOrEqual(32769 + 5);
    expect(SNIFF_BYTES).toBeLessThanOrEqual(64 * 1024);
  });

  it('names only formats the catalog knows', () => {
    for (const file of [qcow2(GiB), vmdkSparse(8), vhdFixed(0), vhdx(), vdi(GiB), iso9660(), raw(10)]) {
      expect(DISK_FORMATS).toContain(detect(file).format);
    }
  });

  describe('QCOW2', () => {
    it('detects QCOW2 v3 and reads the virtual size (u64 BE at 24)', () => {
      expect(detect(qcow2(10 * GiB))).toEqual({ format: 'QCOW2', virtualSize: 10 * GiB });
      expect(detect(qcow2(10 * GiB, 1024 * 1024))).toEqual({ format: 'QCOW2', virtualSize: 10 * GiB });
    });

    it('detects QCOW2 v2', () => {
      const image = qcow2(GiB);
      image.writeUInt32BE(2, 4);
      expect(detect(image)).toEqual({ format: 'QCOW2', virtualSize: GiB });
    });

    it('reads a virtual size whose high word is set (above 4 GiB)', () => {
      expect(detect(qcow2(5 * 2 ** 32 + 512))).toEqual({ format: 'QCOW2', virtualSize: 5 * 2 ** 32 + 512 });
    });

    it('gives virtualSize null for a size above Number.MAX_SAFE_INTEGER', () => {
      expect(detect(qcow2(Number.MAX_SAFE_INTEGER))).toEqual({ format: 'QCOW2', virtualSize: Number.MAX_SAFE_INTEGER });
      expect(detect(qcow2(BigInt(Number.MAX_SAFE_INTEGER) + 1n))).toEqual({ format: 'QCOW2', virtualSize: null });
      expect(detect(qcow2(2n ** 64n - 1n))).toEqual({ format: 'QCOW2', virtualSize: null });
    });

    it('marks the qcow magic with another version (qcow v1, 4) or a cut header unsafe: never raw', () => {
      for (const version of [0, 1, 4, 0x0300_0000]) {
        const image = qcow2(GiB);
        image.writeUInt32BE(version, 4);
        expect(detect(image), `version ${version}`).toEqual({ format: 'RAW', virtualSize: null, unsafe: expect.stringContaining('qcow') });
      }
      expect(detect(qcow2(GiB).subarray(0, 20)).unsafe).toMatch(/qcow/);
    });

    it('marks a qcow2 image with a backing file or an external data file unsafe', () => {
      const backed = qcow2(GiB);
      backed.writeBigUInt64BE(512n, 8);
      expect(detect(backed).unsafe).toMatch(/backing file/);
      const external = qcow2(GiB);
      external.writeBigUInt64BE(1n << 2n, 72);
      expect(detect(external).unsafe).toMatch(/external data file/);
      // Other incompatible features (dirty, corrupt) name no other file.
      const dirty = qcow2(GiB);
      dirty.writeBigUInt64BE(1n, 72);
      expect(detect(dirty)).toEqual({ format: 'QCOW2', virtualSize: GiB });
    });

    it('marks a QED image unsafe', () => {
      expect(detect(Buffer.concat([Buffer.from('QED\0'), raw(4096)])).unsafe).toMatch(/QED/);
    });
  });

  describe('VMDK', () => {
    it('detects a sparse extent (KDMV) and reads capacity (u64 LE at 12) × 512', () => {
      expect(detect(vmdkSparse(2 * 1024 * 1024))).toEqual({ format: 'VMDK', virtualSize: GiB });
      expect(detect(vmdkSparse(2n ** 40n))).toEqual({ format: 'VMDK', virtualSize: 2 ** 49 });
    });

    it('gives virtualSize null when capacity × 512 passes Number.MAX_SAFE_INTEGER', () => {
      expect(detect(vmdkSparse(2n ** 45n))).toEqual({ format: 'VMDK', virtualSize: null });
    });

    it('marks a text descriptor (# Disk DescriptorFile) unsafe: its data is in the files it names', () => {
      expect(detect(vmdkDescriptor())).toEqual({ format: 'RAW', virtualSize: null, unsafe: expect.stringMatching(/VMDK descriptor/) });
    });

    it("marks unsafe any text qemu would read as a descriptor: its probe's form, or a stated createType", () => {
      for (const text of ['version=1\n', '# any comment\n   \r\nversion=3\r\n', '#\n#\n  \nversion=2\nRW 1 FLAT "/etc/shadow" 0\n', 'RW 8 FLAT "/etc/passwd" 0\ncreateType="monolithicFlat"\n']) {
        expect(detect(Buffer.from(text)).unsafe, JSON.stringify(text)).toMatch(/VMDK descriptor/);
      }
      for (const text of ['\nversion=1\n', 'hello\nversion=1\n', 'version=4\n', '# only a comment']) {
        expect(detect(Buffer.from(text)), JSON.stringify(text)).toEqual({ format: 'RAW', virtualSize: null });
      }
    });

    it('marks a VMDK version 3 (COWD) image unsafe', () => {
      expect(detect(Buffer.concat([Buffer.from('COWD'), raw(1024)])).unsafe).toMatch(/COWD/);
    });

    it('marks a sparse extent whose header is cut short unsafe', () => {
      expect(detect(vmdkSparse(8).subarray(0, 12)).unsafe).toMatch(/VMDK/);
    });
  });

  describe('VHD', () => {
    it('detects a fixed VHD from the conectix footer in the last 512 bytes and reads the current size (u64 BE at 48)', () => {
      expect(detect(vhdFixed(1024 * 1024))).toEqual({ format: 'VHD', virtualSize: 1024 * 1024 });
      expect(detect(vhdFixed(4096 + 7))).toEqual({ format: 'VHD', virtualSize: 4096 + 7 });
    });

    it('detects a fixed VHD from the tail alone when the head is plain disk data', () => {
      const image = Buffer.concat([raw(100_000), vhdFooter(100_000)]);
      expect(detect(image)).toEqual({ format: 'VHD', virtualSize: 100_000 });
      expect(detectDiskFormat(image.subarray(0, SNIFF_BYTES))).toEqual({ format: 'RAW', virtualSize: null });
    });

    it('takes the footer from the last 512 bytes of a longer tail', () => {
      const image = vhdFixed(4096);
      expect(detectDiskFormat(raw(16), image.subarray(-2048))).toEqual({ format: 'VHD', virtualSize: 4096 });
    });

    it('detects a dynamic VHD from the footer copy at offset 0', () => {
      const image = vhdDynamic(16 * GiB);
      expect(detectDiskFormat(image.subarray(0, SNIFF_BYTES))).toEqual({ format: 'VHD', virtualSize: 16 * GiB });
      expect(detect(image)).toEqual({ format: 'VHD', virtualSize: 16 * GiB });
    });

    it('detects a footer-only file (a fixed VHD of an empty disk)', () => {
      expect(detect(vhdFixed(0))).toEqual({ format: 'VHD', virtualSize: 0 });
    });

    it('prefers the VHD footer over an ISO 9660 image inside a fixed VHD', () => {
      const iso = iso9660();
      const image = Buffer.concat([iso, vhdFooter(iso.length)]);
      expect(detect(image)).toEqual({ format: 'VHD', virtualSize: iso.length });
    });

    it('ignores conectix anywhere but the start of the last 512 bytes', () => {
      const image = Buffer.concat([raw(4096), vhdFooter(4096), raw(1)]);
      expect(detect(image)).toEqual({ format: 'RAW', virtualSize: null });
    });
  });

  it('detects VHDX (vhdxfile) with virtualSize null', () => {
    expect(detect(vhdx())).toEqual({ format: 'VHDX', virtualSize: null });
  });

  describe('VDI', () => {
    it('detects VDI (<<< text and signature 0xbeda107f LE at 64) and reads the disk size (u64 LE at 368)', () => {
      expect(detect(vdi(20 * GiB))).toEqual({ format: 'VDI', virtualSize: 20 * GiB });
    });

    it('treats <<< text without the VDI signature as RAW', () => {
      const image = vdi(GiB);
      image.writeUInt32BE(0xbeda107f, 64); // wrong byte order
      expect(detect(image)).toEqual({ format: 'RAW', virtualSize: null });
    });
  });

  it('detects ISO 9660 (CD001 at 32769) with virtualSize null', () => {
    expect(detect(iso9660())).toEqual({ format: 'ISO', virtualSize: null });
    expect(detect(iso9660(17 * 2048))).toEqual({ format: 'ISO', virtualSize: null });
    expect(detect(iso9660(10 * 1024 * 1024))).toEqual({ format: 'ISO', virtualSize: null });
  });

  it('calls anything else RAW', () => {
    expect(detect(raw(1024 * 1024))).toEqual({ format: 'RAW', virtualSize: null });
    expect(detect(Buffer.alloc(64 * 1024))).toEqual({ format: 'RAW', virtualSize: null });
    expect(detect(Buffer.from('hello, world\n'))).toEqual({ format: 'RAW', virtualSize: null });
  });

  it('calls an empty file RAW', () => {
    expect(detectDiskFormat(new Uint8Array(0), new Uint8Array(0))).toEqual({ format: 'RAW', virtualSize: null });
    expect(detectDiskFormat(new Uint8Array(0))).toEqual({ format: 'RAW', virtualSize: null });
  });

  it('reads a head that is a view into a larger buffer at an odd offset', () => {
    const backing = Buffer.concat([raw(3), qcow2(GiB)]);
    const head = new Uint8Array(backing.buffer, backing.byteOffset + 3, 512);
    expect(detectDiskFormat(head)).toEqual({ format: 'QCOW2', virtualSize: GiB });
  });

  describe('truncated headers fall back to RAW rather than throwing (unsafe RAW where the magic is a disk format)', () => {
    const raw0 = { format: 'RAW', virtualSize: null };

    it('QCOW2 cut before the end of the size field', () => {
      expect(detectDiskFormat(qcow2(GiB).subarray(0, 31))).toEqual({ ...raw0, unsafe: expect.any(String) });
      // Version 3 states its incompatible features at 72: a header without them is cut short.
      expect(detectDiskFormat(qcow2(GiB).subarray(0, 79))).toEqual({ ...raw0, unsafe: expect.any(String) });
      expect(detectDiskFormat(qcow2(GiB).subarray(0, 80))).toEqual({ format: 'QCOW2', virtualSize: GiB });
    });

    it('VMDK sparse extent cut before the end of the capacity field', () => {
      expect(detectDiskFormat(vmdkSparse(8).subarray(0, 19))).toEqual({ ...raw0, unsafe: expect.any(String) });
      expect(detectDiskFormat(vmdkSparse(8).subarray(0, 20))).toEqual({ format: 'VMDK', virtualSize: 4096 });
    });

    it('VDI cut before the end of the disk size field', () => {
      expect(detectDiskFormat(vdi(GiB).subarray(0, 375))).toEqual(raw0);
      expect(detectDiskFormat(vdi(GiB).subarray(0, 376))).toEqual({ format: 'VDI', virtualSize: GiB });
    });

    it('a VHD footer shorter than 512 bytes', () => {
      const footer = vhdFooter(GiB);
      expect(detectDiskFormat(footer.subarray(0, 511), footer.subarray(0, 511))).toEqual(raw0);
    });

    it('ISO 9660 cut inside CD001', () => {
      expect(detectDiskFormat(iso9660().subarray(0, 32773))).toEqual(raw0);
    });

    it('every prefix of every header', () => {
      const headers = [
        qcow2(GiB), vmdkSparse(8), vmdkDescriptor(), vhdFooter(GiB), vhdDynamic(GiB), vhdx().subarray(0, 600),
        vdi(GiB), iso9660().subarray(32 * 1024, 32 * 1024 + 600),
      ];
      for (const header of headers) {
        for (let length = 0; length <= Math.min(header.length, 600); length++) {
          const prefix = header.subarray(0, length);
          expect(() => detectDiskFormat(prefix, prefix)).not.toThrow();
        }
      }
    });
  });
});
