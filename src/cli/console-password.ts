// `actionbridge users set-password`: the console password of a user, read from
// stdin (`--password-stdin`, or whenever stdin is not a terminal) or typed twice at
// a prompt that does not echo. Stored only as a scrypt hash; setting it ends the
// user's console sessions.
import type { Store } from '../store/store.js';
import { UsageError, checkAccount, checkName } from '../identities.js';
import { hashPassword, passwordProblem } from '../crypto/passwords.js';
import { userArn } from '../auth/arns.js';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(chunks).toString('utf8');
}

/** One line typed at the terminal without echo. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    process.stderr.write(question);
    let line = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(line);
    };
    const onData = (s: string) => {
      for (const ch of s) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new UsageError('cancelled'));
        if (ch === '\u007f' || ch === '\b') line = line.slice(0, -1);
        else line += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export async function readNewPassword(fromStdin: boolean, name: string): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    // One trailing line break (as `echo` and here-strings add) is not part of the password.
    return (await readAll(process.stdin)).replace(/\r?\n$/, '');
  }
  const first = await promptHidden(`New console password for ${name}: `);
  const again = await promptHidden('Type it again: ');
  if (first !== again) throw new UsageError('the two passwords differ');
  return first;
}

export async function setConsolePassword(
  store: Store,
  region: string,
  accountId: string,
  name: string,
  fromStdin: boolean,
): Promise<{ UserArn: string; PasswordSet: true }> {
  checkAccount(accountId);
  checkName('user', name);
  const user = await store.identities.getUser(accountId, name);
  if (!user) throw new UsageError(`no user ${name} in account ${accountId}`);
  const password = await readNewPassword(fromStdin, name);
  const problem = passwordProblem(password);
  if (problem) throw new UsageError(problem);
  await store.console.setPassword(accountId, name, await hashPassword(password), user.createdAt, Date.now());
  return { UserArn: userArn(region, accountId, name), PasswordSet: true };
}
