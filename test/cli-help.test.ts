// The command line as users meet it (bin/actionbridge, commander): every command and
// subcommand answers --help and -h with its own usage and an example; --version; typos get
// a suggestion; exit codes 0 (ok), 2 (usage error), 1 (runtime error); shell completion;
// lists as JSON for scripts or a table for people; progress on stderr on request.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { FLAG_NAMES } from '../src/config.js';
import { buildProgram } from '../src/cli/main.js';
import { BIN, ROOT, tempDir } from './helpers.js';

const execFileP = promisify(execFile);
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileP(BIN, args, { encoding: 'utf8', env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

/**
 * Runs each argument list through the CLI's main() (what bin/actionbridge runs, minus its
 * process.exit) in ONE child process, one after another, capturing what each writes: the
 * same output as a process per list, without ~50 Node start-ups (the other tests here go
 * through bin/actionbridge itself).
 */
async function runEach(cases: string[][]): Promise<{ code: number; stdout: string; stderr: string }[]> {
  const script = `
    const { main } = await import(${JSON.stringify(new URL('../dist/cli/main.js', `file://${BIN}`).href)});
    const cases = JSON.parse(process.argv[1]);
    const out = [];
    const realOut = process.stdout.write.bind(process.stdout);
    for (const args of cases) {
      const r = { code: 0, stdout: '', stderr: '' };
      process.stdout.write = (chunk) => ((r.stdout += chunk), true);
      process.stderr.write = (chunk) => ((r.stderr += chunk), true);
      r.code = await main(args);
      out.push(r);
    }
    process.stdout.write = realOut;
    process.stdout.write(JSON.stringify(out));
  `;
  const { stdout } = await execFileP(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(cases)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout);
}

/** Every command path of the tree: '' (the program), 'users', 'users add', ... */
function commandPaths(cmd: Command, prefix: string[] = []): string[][] {
  return [prefix, ...cmd.commands.filter((c) => c.name() !== 'help').flatMap((c) => commandPaths(c, [...prefix, c.name()]))];
}

const paths = commandPaths(buildProgram(() => {}));

describe('actionbridge --help', () => {
  it('knows the commands users rely on', () => {
    const names = paths.map((p) => p.join(' '));
    for (const c of [
      'serve',
      'users add',
      'users list',
      'users remove',
      'users set-password',
      'users reset-admin',
      'groups add',
      'groups remove',
      'groups add-member',
      'groups remove-member',
      'groups list',
      'keys create',
      'keys list',
      'keys activate',
      'keys deactivate',
      'keys delete',
      'keys rotate',
      'keys retire',
      'config check',
      'backup',
      'restore',
      'doctor',
      'tokens create',
      'tokens list',
      'tokens revoke',
      'actions list',
      'actions invoke',
      'actions test',
      'actions authorize',
      'actions invocations',
      'mcp',
      'completion',
    ]) {
      expect(names).toContain(c);
    }
  });

  it('every command and subcommand: --help (and -h) exit 0 with its own usage line and an example', async () => {
    // --help and -h (the same option, commander's) for every command and subcommand.
    const cases = paths.flatMap((p) => [
      [...p, '--help'],
      [...p, '-h'],
    ]);
    const results = await runEach(cases);
    expect(results).toHaveLength(cases.length);
    cases.forEach((args, i) => {
      const r = results[i]!;
      const name = ['actionbridge', ...args.slice(0, -1)].join(' ');
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout, args.join(' ')).toMatch(new RegExp(`^Usage: ${name} `, 'm'));
      expect(r.stdout, args.join(' ')).toMatch(/^Examples?:\n {2}\$ /m);
      expect(r.stdout, args.join(' ')).toMatch(new RegExp(`^ {2}\\$ .*${name} `, 'm'));
      expect(r.stderr).toBe('');
    });
  });

  it('`help COMMAND` is --help of the command; no arguments prints the overview', async () => {
    const [viaHelp, viaFlag, subHelp, subFlag, bare] = await Promise.all([
      run(['help', 'users']),
      run(['users', '--help']),
      run(['users', 'help', 'add']),
      run(['users', 'add', '--help']),
      run([]),
    ]);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
    expect(subHelp.code).toBe(0);
    expect(subHelp.stdout).toBe(subFlag.stdout);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toMatch(/^Usage: actionbridge \[options\] \[command\]/);
    expect(bare.stdout).toMatch(/ACTIONBRIDGE_MASTER_KEY/);
  });

  it("serve --help is serve's own usage: every server flag with its variable and default, not the whole manual", async () => {
    const r = await run(['serve', '--help']);
    expect(r.code).toBe(0);
    for (const f of FLAG_NAMES) expect(r.stdout).toMatch(new RegExp(`--${f} <`));
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/--port <port> port of the API \(0: a free port\) \[ACTIONBRIDGE_PORT\] \(default: 4599\)/);
    expect(r.stdout).toMatch(/--config <file>/);
    expect(r.stdout).not.toMatch(/users add|tokens create/);
  });
});

describe('actionbridge: version, suggestions and exit codes', () => {
  it("--version and -V print package.json's version", async () => {
    const [long, short] = await Promise.all([run(['--version']), run(['-V'])]);
    expect(long).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect(short.stdout).toBe(`${VERSION}\n`);
  });

  it('a mistyped command, subcommand or option is a usage error (2) with a suggestion', async () => {
    const [cmd, sub, opt] = await Promise.all([
      run(['usres', 'list']),
      run(['keys', 'rotat']),
      run(['users', 'add', '--acount', '111122223333', '--name', 'a', '--role', 'READER']),
    ]);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toMatch(/unknown command 'usres'/);
    expect(cmd.stderr).toMatch(/Did you mean users\?/);
    expect(sub.code).toBe(2);
    expect(sub.stderr).toMatch(/Did you mean rotate\?/);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toMatch(/unknown option '--acount'/);
    expect(opt.stderr).toMatch(/Did you mean --account\?/);
    expect(cmd.stdout + sub.stdout + opt.stdout).toBe('');
  });

  it('an unknown flag, a missing value, an extra argument, a bad choice or a missing required flag: exit 2', async () => {
    const dir = tempDir('ab-cli-help-');
    const results = await Promise.all([
      run(['keys', 'list', '--bogus', '--data-dir', dir]),
      run(['serve', '--frobnicate']),
      run(['users', 'add', '--account']),
      run(['config', 'check', 'a.yaml', 'b.yaml']),
      run(['completion', 'fish']),
      run(['users', 'add', '--data-dir', dir, '--account', '111122223333', '--name', 'x']),
      run(['serve', '--port', 'seventy', '--data-dir', dir]),
      run(['users']),
    ]);
    for (const r of results) expect(r.code, r.stderr).toBe(2);
    expect(results[0]!.stderr).toMatch(/unknown option '--bogus'/);
    expect(results[4]!.stderr).toMatch(/Allowed choices are bash, zsh/);
    expect(results[5]!.stderr).toMatch(/--role is required/);
    expect(results[6]!.stderr).toMatch(/--port must be/);
    expect(results[7]!.stderr).toMatch(/Usage: actionbridge users/);
  });

  it('a runtime failure is exit 1: a damaged backup, a server that is not there', async () => {
    const dir = tempDir('ab-cli-help-');
    const bad = path.join(dir, 'not-a-backup.db');
    writeFileSync(bad, 'this is not a SQLite database');
    const [restore, unreachable] = await Promise.all([
      run(['restore', bad, '--data-dir', path.join(dir, 'data')]),
      run(['actions', 'list', '--endpoint', 'http://127.0.0.1:9', '--account', '111122223333', '--connector', 'x'], {
        AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEEXAMPLE00',
        AWS_SECRET_ACCESS_KEY: 'not-a-real-secret-0123456789',
        AWS_REGION: 'us-east-1',
      }),
    ]);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toMatch(/cannot be restored/);
    expect(unreachable.code, unreachable.stderr).toBe(1);
    expect(JSON.parse(unreachable.stderr)).toMatchObject({ Error: 'NetworkError', Message: expect.stringMatching(/127\.0\.0\.1:9/) });
  });
});

describe('actionbridge: completion, lists, progress', () => {
  it('completion bash completes commands, subcommands and options in bash', async () => {
    const r = await run(['completion', 'bash']);
    expect(r.code).toBe(0);
    const file = path.join(tempDir('ab-cli-compl-'), 'actionbridge.bash');
    writeFileSync(file, r.stdout);
    const complete = async (...words: string[]) => {
      const script = `source ${JSON.stringify(file)}; COMP_WORDS=(${words.map((w) => JSON.stringify(w)).join(' ')}); COMP_CWORD=${words.length - 1}; _actionbridge; printf '%s\\n' "\${COMPREPLY[@]}"`;
      return (await execFileP('bash', ['-c', script], { encoding: 'utf8' })).stdout.trim().split('\n');
    };
    expect(await complete('actionbridge', 'us')).toEqual(['users']);
    expect(await complete('actionbridge', 'users', 'set')).toEqual(['set-password']);
    expect(await complete('actionbridge', 'users', 'add', '--acc')).toEqual(['--account']);
    expect(await complete('actionbridge', 'serve', '--egress')).toEqual(['--egress-allow']);
    const zsh = await run(['completion', 'zsh']);
    expect(zsh.stdout).toMatch(/^#compdef actionbridge/);
    expect(zsh.stdout).toMatch(/bashcompinit/);
  });

  it('lists: JSON when piped (or --json), an aligned table with --table; progress on stderr only with --progress', { timeout: 60_000 }, async () => {
    const dir = tempDir('ab-cli-list-');
    const added = await run(['users', 'add', '--data-dir', dir, '--account', '111122223333', '--name', 'alice', '--role', 'AUTHOR']);
    expect(added.code, added.stderr).toBe(0);
    const [piped, json, table] = await Promise.all([
      run(['users', 'list', '--data-dir', dir]),
      run(['users', 'list', '--data-dir', dir, '--json']),
      run(['users', 'list', '--data-dir', dir, '--table']),
    ]);
    expect(JSON.parse(piped.stdout).Users).toEqual([expect.objectContaining({ UserName: 'alice', Role: 'AUTHOR' })]);
    expect(json.stdout).toBe(piped.stdout);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Account\s+UserName\s+Role\s+Groups\s+UserArn$/);
    expect(lines[1]).toMatch(/^111122223333\s+alice\s+AUTHOR\s+-\s+arn:aws:quicksight:us-east-1:111122223333:user\/default\/alice$/);
    expect(lines[0]!.indexOf('UserName')).toBe(lines[1]!.indexOf('alice'));

    const quiet = await run(['keys', 'rotate', '--data-dir', dir]);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stderr).toBe('');
    const loud = await run(['keys', 'rotate', '--data-dir', dir, '--progress']);
    expect(loud.code, loud.stderr).toBe(0);
    expect(JSON.parse(loud.stdout)).toMatchObject({ Resealed: expect.any(Number), Remaining: 0 });
    expect(loud.stderr).toMatch(/new master key/);
    expect(loud.stderr).toMatch(/re-sealing secrets (\d+)\/\1\n/);

    const snap = path.join(dir, 'snap.db');
    const backup = await run(['backup', snap, '--data-dir', dir, '--progress']);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stderr).toMatch(/backup: snapshot of .*\nbackup: checking the copy/);
  });
});
