import { readFileSync } from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { ConfigFields, loadConfig, REQUIRED_IN_PRODUCTION } from '../../lib/config';
import { configVariables, renderGeneratedFiles } from '../../scripts/configReference';

const root = path.join(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/**
 * docs/configuration.md and .env.example are generated from lib/config.ts: they must be exactly
 * what `npm run docs:config` writes, name every variable the schema validates, and not be
 * contradicted by the README.
 */
describe('configuration reference', () => {
  it.each(Object.entries(renderGeneratedFiles()))('%s is what `npm run docs:config` generates', (file, generated) => {
    expect(read(file)).toBe(generated);
  });

  it('documents every variable of the schema, with a description, and marks those production requires', () => {
    const variables = configVariables();
    expect(variables.map((v) => v.name)).toEqual(Object.keys(ConfigFields.shape));
    const reference = read('docs/configuration.md');
    for (const v of variables) {
      expect(v.description.length).toBeGreaterThan(10);
      expect(reference).toMatch(new RegExp(`^\\| \`${v.name}\` \\| [^|]+ \\| ${v.requiredInProduction ? 'yes' : ''} \\|`, 'm'));
    }
    expect(variables.filter((v) => v.requiredInProduction).map((v) => v.name)).toEqual([...REQUIRED_IN_PRODUCTION].sort(byOrder(variables)));
    expect(variables.find((v) => v.name === 'PORT')).toMatchObject({ defaultValue: '3000', requiredInProduction: false });
    expect(variables.find((v) => v.name === 'PUBLIC_URL')).toMatchObject({ defaultValue: undefined, requiredInProduction: true });
  });

  it('.env.example parses to the defaults: loading it as the environment gives the same configuration as an empty one', () => {
    const example = dotenv.parse(read('.env.example'));
    expect(Object.keys(example).length).toBeGreaterThan(25);
    expect(loadConfig(example)).toEqual(loadConfig({}));
    for (const name of REQUIRED_IN_PRODUCTION) expect(read('.env.example')).toMatch(new RegExp(`Required when NODE_ENV=production\\.\\n# ${name}=$`, 'm'));
  });

  it('the README names every variable production requires and points at the reference', () => {
    const readme = read('README.md');
    for (const name of REQUIRED_IN_PRODUCTION) expect(readme).toContain(`\`${name}\``);
    expect(readme).toContain('docs/configuration.md');
  });
});

/** Sorts names by their position in the schema. */
function byOrder(variables: { name: string }[]) {
  const at = (name: string) => variables.findIndex((v) => v.name === name);
  return (a: string, b: string) => at(a) - at(b);
}
