/**
 * The packaging configuration, checked without packaging: electron-builder.yml against electron-builder's own
 * JSON schema (which refuses unknown keys), and the release workflow's shape.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');
const schema = JSON.parse(read('node_modules/app-builder-lib/scheme.json')) as object;

function validate(config: unknown): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const check = ajv.compile(schema);
  return check(config)
    ? []
    : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

describe('electron-builder.yml', () => {
  const config = parse(read('electron-builder.yml')) as Record<string, unknown>;

  it("matches electron-builder's schema", () => {
    expect(validate(config)).toEqual([]);
  });

  it('would fail on an unknown key', () => {
    expect(validate({ ...config, appID: 'typo' }).join('\n')).toMatch(/additionalProperty.*appID/);
  });

  it('names the app, ships the built code and the extension, and builds every installer', () => {
    expect(config).toMatchObject({ appId: 'app.timeaudit.desktop', productName: 'Time Audit' });
    expect(config.artifactName).toMatch(/\$\{version\}.*\$\{arch\}/);
    expect(config.files).toEqual(expect.arrayContaining(['dist-electron/**/*', 'package.json']));
    expect(config.extraResources).toEqual([
      { from: 'extension/time-audit-extension.zip', to: 'time-audit-extension.zip' },
    ]);
    const targets = (os: string) =>
      (config[os] as { target: { target: string; arch: string[] }[] }).target.map((t) => [t.target, t.arch]);
    expect(targets('linux')).toEqual([
      ['AppImage', ['x64']],
      ['deb', ['x64']],
    ]);
    expect(targets('mac')).toEqual([
      ['dmg', ['x64', 'arm64']],
      ['zip', ['x64', 'arm64']],
    ]);
    expect(targets('win')).toEqual([['nsis', ['x64']]]);
  });

  it('makes the .deb depend on the X tools the window tracker runs', () => {
    // get-windows reads the active window on Linux with xprop and xwininfo, which x11-utils installs.
    expect((config.deb as { depends: string[] }).depends).toEqual(
      expect.arrayContaining(['x11-utils', 'libgtk-3-0', 'libnss3']),
    );
  });

  it('uses the entry point that build:electron writes, and icons that exist', () => {
    const pkg = JSON.parse(read('package.json')) as { main: string; scripts: Record<string, string> };
    expect(pkg.main).toBe('dist-electron/app/electron/main.js');
    expect(pkg.scripts['build:electron']).toContain('app/electron/tsconfig.build.json');
    for (const os of ['linux', 'mac', 'win']) {
      const icon = (config[os] as { icon: string }).icon;
      expect(() => readFileSync(new URL(icon, root))).not.toThrow();
    }
  });
});

describe('the release workflow', () => {
  const workflow = parse(read('.github/workflows/release.yml')) as {
    on: { push: { tags: string[] } };
    jobs: Record<string, { 'runs-on': string; strategy?: { matrix: { os: string[] } }; steps: object[] }>;
  };

  it('runs on v* tags, on Linux, macOS and Windows, and publishes to the release', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    const oses = Object.values(workflow.jobs).flatMap((job) =>
      job.strategy ? job.strategy.matrix.os : [job['runs-on']],
    );
    expect(oses.sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
    const steps = JSON.stringify(Object.values(workflow.jobs).map((j) => j.steps));
    expect(steps).toContain('npm ci');
    expect(steps).toMatch(/electron-builder --publish always/);
    expect(steps).toContain('GH_TOKEN');
  });
});
