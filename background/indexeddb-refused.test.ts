import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { isIndexedDbRefused } from './indexeddb-refused';

const firefoxRefusal = () => new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');

describe('a refusal of IndexedDB', () => {
  it('is what Dexie reports of Firefox’s refusal in permanent private browsing: from open(), a query, a transaction', () => {
    const opening = new Dexie.InvalidStateError(firefoxRefusal());
    expect(isIndexedDbRefused(firefoxRefusal())).toBe(true);
    expect(isIndexedDbRefused(opening)).toBe(true);
    expect(isIndexedDbRefused(new Dexie.DatabaseClosedError(opening))).toBe(true);
    expect(isIndexedDbRefused(new Dexie.OpenFailedError(opening))).toBe(true);
  });

  it('is no IndexedDB at all', () => {
    expect(isIndexedDbRefused(new Dexie.MissingAPIError())).toBe(true);
  });

  it('is not any other failure: a full disk, a broken profile, a database closed or upgraded under the background', () => {
    expect(isIndexedDbRefused(new DOMException('The disk is full', 'QuotaExceededError'))).toBe(false);
    expect(isIndexedDbRefused(new Dexie.OpenFailedError(new DOMException('Internal error', 'UnknownError')))).toBe(false);
    expect(isIndexedDbRefused(new Dexie.DatabaseClosedError())).toBe(false);
    expect(isIndexedDbRefused(new Dexie.VersionError('Version change'))).toBe(false);
    expect(isIndexedDbRefused(undefined)).toBe(false);
    expect(isIndexedDbRefused('InvalidStateError')).toBe(false);
  });
});
