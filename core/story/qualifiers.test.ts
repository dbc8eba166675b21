import { describe, expect, it } from 'vitest';
import { droppedQualifiers } from './qualifiers';

describe('droppedQualifiers', () => {
  it('asks a text to keep what puts its sentence ahead or leaves it open, in any form of it', () => {
    expect(droppedQualifiers('Putin developed new trade systems.', 'He also mentioned plans to develop new trade systems.')).toEqual(['plans']);
    expect(droppedQualifiers('They opposed Western efforts.', 'They will “resolutely oppose” Western efforts.')).toEqual(['will']);
    expect(droppedQualifiers('They resolutely opposed Western efforts.', 'They will “resolutely oppose” Western efforts.')).toEqual(['will']);
    expect(droppedQualifiers('The visit deepened ties.', 'The visit aims to deepen ties.')).toEqual(['aims']);
    expect(droppedQualifiers('Russia would seek to block it.', 'Russia seeks to block it.')).toEqual([]);
    expect(droppedQualifiers('The U.S. urged countries not to support it.', 'The U.S. criticized it, urging countries not to support it.')).toEqual([]);
    expect(droppedQualifiers('Countries supported it.', 'The U.S. criticized it, urging countries not to support it.')).toEqual(['urging', 'not']);
  });

  it('asks nothing where the text leaves out what the qualifier qualifies', () => {
    expect(droppedQualifiers('The U.S. criticized the visit.', 'The U.S. criticized the visit, urging countries not to support Putin’s war efforts.')).toEqual([]);
  });
});
