// Atlassian Document Format as plain text (the adfText hook): what Jira's comments and
// worklogs read as for an agent, whatever nodes the document holds.
import { describe, expect, it } from 'vitest';
import { adfToText, textToAdf, valueHooks } from '../src/catalog/hooks.js';

const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const t = (text: string, marks?: unknown[]) => ({ type: 'text', text, ...(marks ? { marks } : {}) });
const doc = (...content: unknown[]) => ({ type: 'doc', version: 1, content });

describe('ADF as plain text', () => {
  it('reads back what textToAdf wrote', () => {
    for (const text of ['one line', 'a\nb', 'first\n\nsecond\nthird', 'x\n\n\n\ny']) {
      expect(adfToText(textToAdf(text))).toBe(text.replace(/\n{3,}/g, '\n\n'));
    }
  });

  it('keeps the text of inline nodes and drops marks', () => {
    const d = doc(
      p(
        t('Ping '),
        { type: 'mention', attrs: { id: '5b10', text: '@Mia' } },
        t(' about '),
        t('this', [{ type: 'link', attrs: { href: 'https://x.example' } }]),
        t(' '),
        { type: 'emoji', attrs: { shortName: ':fire:', text: '🔥' } },
        t(' '),
        { type: 'status', attrs: { text: 'IN PROGRESS', color: 'blue' } },
        t(' due '),
        { type: 'date', attrs: { timestamp: '1714521600000' } },
        t(' see '),
        { type: 'inlineCard', attrs: { url: 'https://acme.atlassian.net/browse/OPS-1' } },
      ),
    );
    expect(adfToText(d)).toBe('Ping @Mia about this 🔥 IN PROGRESS due 2024-05-01 see https://acme.atlassian.net/browse/OPS-1');
  });

  it('writes blocks, lists, code and tables on lines of their own', () => {
    const d = doc(
      { type: 'heading', attrs: { level: 2 }, content: [t('Steps')] },
      {
        type: 'orderedList',
        attrs: { order: 3 },
        content: [
          { type: 'listItem', content: [p(t('stop'))] },
          { type: 'listItem', content: [p(t('start'))] },
        ],
      },
      {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [p(t('a')), { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('a1'))] }] }] }],
      },
      { type: 'codeBlock', attrs: { language: 'sh' }, content: [t('df -h\ndu -sh /var')] },
      { type: 'rule' },
      { type: 'panel', attrs: { panelType: 'info' }, content: [p(t('Note'))] },
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              { type: 'tableHeader', content: [p(t('Host'))] },
              { type: 'tableHeader', content: [p(t('Disk'))] },
            ],
          },
          {
            type: 'tableRow',
            content: [
              { type: 'tableCell', content: [p(t('db-1'))] },
              { type: 'tableCell', content: [p(t('98%'))] },
            ],
          },
        ],
      },
      { type: 'taskList', attrs: { localId: 'x' }, content: [{ type: 'taskItem', attrs: { state: 'TODO' }, content: [t('clean up')] }] },
    );
    expect(adfToText(d)).toBe(
      ['Steps', '3. stop\n4. start', '- a\n  - a1', 'df -h\ndu -sh /var', '---', 'Note', 'Host | Disk\ndb-1 | 98%', '- clean up'].join('\n\n'),
    );
  });

  it('ignores what it does not know and never throws on odd input', () => {
    expect(
      adfToText(
        doc(p(t('x'), { type: 'placeholder', attrs: { text: 'Type here' } }), { type: 'mediaSingle', content: [{ type: 'media', attrs: { id: 'm' } }] }),
      ),
    ).toBe('x');
    for (const odd of [null, 42, 'text', [], {}, { type: 'doc' }, { type: 'doc', content: 'x' }, { type: 'doc', content: [null, 1, { text: 'no type' }] }]) {
      expect(typeof adfToText(odd)).toBe('string');
    }
  });

  it('the hook: a document as text, a string as is, anything else nothing', () => {
    expect(valueHooks.adfText!(textToAdf('a\nb'), {})).toBe('a\nb');
    expect(valueHooks.adfText!('plain', {})).toBe('plain');
    expect(valueHooks.adfText!(42, {})).toBeUndefined();
  });
});
