import { describe, expect, it } from 'vitest';
import { InvalidManifest, parseManifest } from '../../src/domain/import-manifest.js';
import { DomainError } from '../../src/domain/errors.js';

const MANIFEST_URL = new URL('https://images.example.test/images/0b3f2a5e-1c2d-4e5f-8a9b-0c1d2e3f4a5b?sig=abc');
const MD5 = 'D41D8CD98F00B204E9800998ECF8427E';
const SHA512 = 'ab'.repeat(64);

const parse = (manifest: unknown) => parseManifest(JSON.stringify(manifest), MANIFEST_URL);

function invalid(text: string): InvalidManifest {
  try {
    parseManifest(text, MANIFEST_URL);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidManifest);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as InvalidManifest).code).toBe('INVALID_MANIFEST');
    return error as InvalidManifest;
  }
  return expect.fail('the manifest should have been refused');
}

describe('parseManifest', () => {
  it('reads a complete manifest, normalizing hashes, formats and tags', () => {
    const manifest = parse({
      uuid: '0b3f2a5e-1c2d-4e5f-8a9b-0c1d2e3f4a5b', // imgapi fields we do not use are ignored
      os: 'linux',
      name: 'ubuntu-24.04',
      version: '20240101',
      description: 'Ubuntu 24.04 LTS',
      url: 'https://mirror.example.test/ubuntu-24.04.qcow2',
      checksum: MD5,
      hashValue: SHA512,
      size: 42 * 1024 ** 3,
      diskFormat: 'qcow2',
      containerFormat: 'bare',
      tags: ['linux', 'lts', 'linux'],
      resize: true,
      deploy: false,
    });
    expect(manifest).toEqual({
      name: 'ubuntu-24.04',
      version: '20240101',
      description: 'Ubuntu 24.04 LTS',
      fileUrl: new URL('https://mirror.example.test/ubuntu-24.04.qcow2'),
      checksum: MD5.toLowerCase(),
      hashValue: SHA512,
      size: 42 * 1024 ** 3,
      diskFormat: 'QCOW2',
      containerFormat: 'BARE',
      tags: ['linux', 'lts'],
      resize: true,
      deploy: false,
    });
  });

  it('accepts the Danube aliases desc, file_url and sha512, and null as not stated', () => {
    const manifest = parse({ name: 'centos', desc: 'CentOS', file_url: 'disk.raw', sha512: SHA512, version: null });
    expect(manifest.description).toBe('CentOS');
    expect(manifest.hashValue).toBe(SHA512);
    expect(manifest.version).toBeUndefined();
    // relative to the manifest URL
    expect(manifest.fileUrl.href).toBe('https://images.example.test/images/disk.raw');
  });

  it('assembles the file URL as <manifest URL>/file when none is stated', () => {
    const manifest = parse({ name: 'alpine' });
    expect(manifest.fileUrl.href).toBe('https://images.example.test/images/0b3f2a5e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/file');
    const slash = parseManifest('{"name":"alpine"}', new URL('http://images.example.test/images/abc/'));
    expect(slash.fileUrl.href).toBe('http://images.example.test/images/abc/file');
  });

  it('takes the size from an imgapi files list, and ignores imgapi key/value tags', () => {
    const manifest = parse({ name: 'smartos', files: [{ sha1: 'x', size: 1234, compression: 'none' }], tags: { role: 'os' } });
    expect(manifest.size).toBe(1234);
    expect(manifest.tags).toBeUndefined();
  });

  it('refuses a manifest without a name', () => {
    const error = invalid(JSON.stringify({ version: '1' }));
    expect(error.message).toBe('The image manifest is invalid: name is required');
    expect(error.issues).toEqual([{ path: ['name'], message: 'is required' }]);
  });

  it('refuses a bad checksum, naming it', () => {
    const error = invalid(JSON.stringify({ name: 'x', checksum: 'not-md5' }));
    expect(error.message).toBe('The image manifest is invalid: checksum must be 32 hexadecimal digits (MD5)');
  });

  it('names every bad field at once', () => {
    const error = invalid(JSON.stringify({ name: '', size: -1, diskFormat: 'floppy', resize: 'yes', hashValue: 'ab' }));
    expect(error.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['diskFormat', 'hashValue', 'name', 'resize', 'size']);
    expect(error.message).toContain('resize must be true or false');
    expect(error.message).toContain('diskFormat must be one of ami, ari, aki, vhd, vhdx, vmdk, raw, qcow2, vdi, iso, ploop');
    expect(error.message).toContain('size must not be negative');
  });

  it('refuses text that is not JSON, or JSON that is not an object', () => {
    expect(invalid('<html>not found</html>').message).toMatch(/^The image manifest is not valid JSON \(/);
    expect(invalid('["name"]').message).toBe('The image manifest must be a JSON object');
  });

  it('refuses a file URL that is not http or https, and aliases that disagree', () => {
    expect(invalid(JSON.stringify({ name: 'x', url: 'file:///etc/passwd' })).message).toBe(
      'The image manifest is invalid: url must be an http or https URL',
    );
    expect(invalid(JSON.stringify({ name: 'x', url: 'https://a.test/1', file_url: 'https://a.test/2' })).message).toBe(
      'The image manifest is invalid: url differs from file_url',
    );
  });

  it('refuses a compressed imgapi file', () => {
    const error = invalid(JSON.stringify({ name: 'x', files: [{ size: 1, compression: 'gzip' }] }));
    expect(error.message).toBe('The image manifest is invalid: files.0.compression is gzip; only uncompressed files ("none") can be imported');
  });

  it('applies the catalog text limits', () => {
    const error = invalid(JSON.stringify({ name: 'x'.repeat(256), description: 'bad\u0000text' }));
    expect(error.message).toContain('name must be at most 255 characters');
    expect(error.message).toContain('description must not contain control characters');
  });
});
