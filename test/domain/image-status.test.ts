import { describe, expect, it } from 'vitest';
import { IMAGE_STATUSES, type ImageStatus } from '../../src/db/entities/image.js';
import { InvalidStatusTransitionError } from '../../src/domain/errors.js';
import { canTransition, deletionStart, transition } from '../../src/domain/image-status.js';

// Glance's machine, written out as the list of allowed moves.
const allowed: [ImageStatus, ImageStatus][] = [
  ['QUEUED', 'SAVING'], ['QUEUED', 'IMPORTING'], ['QUEUED', 'ACTIVE'], ['QUEUED', 'DELETED'],
  ['SAVING', 'ACTIVE'], ['SAVING', 'UPLOADING'], ['SAVING', 'KILLED'], ['SAVING', 'QUEUED'], ['SAVING', 'PENDING_DELETE'],
  ['UPLOADING', 'ACTIVE'], ['UPLOADING', 'PENDING_DELETE'],
  ['IMPORTING', 'ACTIVE'], ['IMPORTING', 'KILLED'], ['IMPORTING', 'QUEUED'], ['IMPORTING', 'PENDING_DELETE'],
  ['ACTIVE', 'DEACTIVATED'], ['ACTIVE', 'PENDING_DELETE'],
  ['DEACTIVATED', 'ACTIVE'], ['DEACTIVATED', 'PENDING_DELETE'],
  ['KILLED', 'DELETED'],
  ['PENDING_DELETE', 'DELETED'],
];

describe('the image status machine', () => {
  it('allows exactly the moves of the machine and no other', () => {
    for (const from of IMAGE_STATUSES) {
      for (const to of IMAGE_STATUSES) {
        const expected = allowed.some(([a, b]) => a === from && b === to);
        expect(canTransition(from, to), `${from} -> ${to}`).toBe(expected);
      }
    }
  });

  it('moves an image along an allowed edge', () => {
    const image = { status: 'ACTIVE' as ImageStatus };
    transition(image, 'DEACTIVATED');
    expect(image.status).toBe('DEACTIVATED');
  });

  it('refuses an illegal move with a typed error and leaves the status as it was', () => {
    const image = { status: 'DELETED' as ImageStatus };
    expect(() => transition(image, 'ACTIVE')).toThrow(InvalidStatusTransitionError);
    expect(image.status).toBe('DELETED');
    expect(() => transition({ status: 'KILLED' }, 'ACTIVE')).toThrow('An image cannot go from KILLED to ACTIVE');
  });

  it('deletes an image without bytes at once and one with bytes through PENDING_DELETE', () => {
    expect(deletionStart('QUEUED')).toBe('DELETED');
    expect(deletionStart('KILLED')).toBe('DELETED');
    for (const status of ['ACTIVE', 'DEACTIVATED', 'SAVING', 'UPLOADING', 'IMPORTING'] as const) {
      expect(deletionStart(status)).toBe('PENDING_DELETE');
      expect(canTransition(status, 'PENDING_DELETE')).toBe(true);
    }
  });
});
