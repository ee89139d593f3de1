import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '../..');
const docs = [
  'README.md',
  'CHANGELOG.md',
  ...fs
    .readdirSync(path.join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/**
 * The documents ship with the repository, so they may only point into it: every relative link
 * resolves to a file of the repository, and nothing names the workspace outside it (`../shared`).
 */
describe('documentation links', () => {
  it.each(docs)('%s links only to files inside the repository', (doc) => {
    const text = fs.readFileSync(path.join(root, doc), 'utf8');
    expect(text).not.toMatch(/\.\.\/shared/);
    const targets = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/i.test(t));
    for (const target of targets) {
      const resolved = path.resolve(path.dirname(path.join(root, doc)), target);
      expect({ doc, target, inside: resolved.startsWith(root + path.sep), exists: fs.existsSync(resolved) }).toEqual({
        doc,
        target,
        inside: true,
        exists: true,
      });
    }
  });

  it('the operator guide covers every topic of an install', () => {
    const guide = fs.readFileSync(path.join(root, 'docs/operations.md'), 'utf8');
    const headings = [...guide.matchAll(/^##+ (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(
      expect.arrayContaining([
        'Installing without Docker',
        'Upgrades',
        'Backup and restore',
        'Scaling',
        'SMTP and Twilio',
        'Secret rotation',
        'Troubleshooting the first start',
        'Ports',
        'Uninstall',
      ]),
    );
  });
});
