import { describe, expect, it } from 'vitest';
import { newFindings } from './addon-lint-findings';

const reactInnerHtml = { code: 'UNSAFE_VAR_ASSIGNMENT', message: 'Unsafe assignment to innerHTML' };

describe('newFindings', () => {
  it('accepts React DOM’s innerHTML in the bundles that hold React', () => {
    const report = {
      errors: [],
      warnings: [
        { ...reactInnerHtml, file: 'content-scripts/card.js' },
        { ...reactInnerHtml, file: 'chunks/popup-urQ2rHiJ.js' },
      ],
      notices: [{ code: 'ANY', message: 'advice' }],
    };
    expect(newFindings(report)).toEqual([]);
  });

  it('accepts the import of the annotator in the script on every page, and no other file’s import', () => {
    const annotatorImport = { code: 'UNSAFE_VAR_ASSIGNMENT', message: 'Unsafe call to import for argument 0', file: 'story.js' };
    const cardImport = { ...annotatorImport, file: 'content-scripts/card.js' };
    expect(newFindings({ errors: [], warnings: [annotatorImport, cardImport], notices: [] })).toEqual([cardImport]);
  });

  it('reports a dynamic import, innerHTML in the script on every page, and any error', () => {
    const importWarning = { code: 'UNSAFE_VAR_ASSIGNMENT', message: 'Unsafe call to import for argument 0', file: 'background.js' };
    const innerHtmlOnEveryPage = { ...reactInnerHtml, file: 'story.js' };
    const error = { code: 'MANIFEST_FIELD_INVALID', message: 'bad manifest' };
    expect(newFindings({ errors: [error], warnings: [importWarning, innerHtmlOnEveryPage], notices: [] })).toEqual([error, importWarning, innerHtmlOnEveryPage]);
  });
});
