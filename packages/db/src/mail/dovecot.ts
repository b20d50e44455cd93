import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, utimesSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A private Dovecot IMAP server for tests and the sync bench: Debian's dovecot-imapd, installed with
 * apt-get when missing (as root, like chromium for the end-to-end tests), started in the foreground
 * on a free loopback port with its own configuration, users (a static passwd-file) and maildirs in a
 * temporary folder. No system service is used. Without dovecot and without root it throws: a test
 * that needs it fails loudly instead of skipping.
 */
export interface Dovecot {
  host: string;
  port: number;
  /** The maildir of a user (created on login; `deliver` writes into it directly). */
  maildir(user: string): string;
  /** Writes a message into a user's INBOX maildir as a new message (no IMAP round trip, for seeding many). */
  /** `received` sets the internal date (what IMAP SINCE compares), by default now. */
  deliver(user: string, raw: string | Buffer, options?: { folder?: string; received?: Date }): void;
  stop(): Promise<void>;
}

const DOVECOT = process.env.DOVECOT_PATH || '/usr/sbin/dovecot';
const PACKAGES = ['dovecot-core', 'dovecot-imapd'];

/** Installs Dovecot from Debian's packages when it is missing; throws with what to do when it cannot. */
export function ensureDovecot(): string {
  if (existsSync(DOVECOT)) return DOVECOT;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (root && apt) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    // Debian's maintainer scripts would start the system service; policy-rc.d 101 keeps them from it.
    const policy = '/usr/sbin/policy-rc.d';
    const hadPolicy = existsSync(policy);
    if (!hadPolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
    try {
      spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...PACKAGES], { stdio: 'inherit', env });
    } finally {
      if (!hadPolicy) rmSync(policy, { force: true });
    }
    if (existsSync(DOVECOT)) return DOVECOT;
  }
  throw new Error(
    `The IMAP tests need Debian's Dovecot at ${DOVECOT} and could not install it${root ? '' : ' (not root)'}: ` +
      `run \`sudo apt-get install ${PACKAGES.join(' ')}\` (or set DOVECOT_PATH).`,
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForGreeting(port: number, child: ChildProcess, logFile: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dovecot exited (${child.exitCode}): ${existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : ''}`);
    const ok = await new Promise<boolean>((resolve) => {
      const sock = connect(port, '127.0.0.1');
      sock.once('data', (d) => {
        sock.destroy();
        resolve(d.toString().startsWith('* OK'));
      });
      sock.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`dovecot did not answer on port ${port}: ${existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts a private Dovecot with the given users ({ name: password }). */
export async function startDovecot(users: Record<string, string>): Promise<Dovecot> {
  const binary = ensureDovecot();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'crm-dovecot-'));
  const port = await freePort();
  const root = process.getuid?.() === 0;
  // As root, mail belongs to Debian's dovecot user (Dovecot refuses mail access as UID 0); otherwise to us.
  const owner = root ? idOf('dovecot') : { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
  const mail = path.join(dir, 'mail');
  // Dovecot's auth and mail processes (the dovecot user, as root) read the users file and the maildirs.
  chmodSync(dir, 0o755);
  for (const d of ['run', 'state', 'mail']) mkdirSync(path.join(dir, d), { recursive: true });
  chownSync(mail, owner.uid, owner.gid);
  writeFileSync(
    path.join(dir, 'users'),
    Object.entries(users).map(([u, p]) => `${u}:{PLAIN}${p}:${owner.uid}:${owner.gid}::${path.join(mail, u)}\n`).join(''),
  );
  const me = os.userInfo().username;
  const logFile = path.join(dir, 'dovecot.log');
  writeFileSync(
    path.join(dir, 'dovecot.conf'),
    `
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = crm-test-${port}
log_path = ${logFile}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
first_valid_uid = ${Math.min(owner.uid, 1)}
first_valid_gid = ${Math.min(owner.gid, 1)}
${root ? '' : `default_login_user = ${me}\ndefault_internal_user = ${me}\n`}
passdb {
  driver = passwd-file
  args = scheme=PLAIN ${dir}/users
}
userdb {
  driver = passwd-file
  args = ${dir}/users
}
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
    auto = create
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
`,
  );
  const child = spawn(binary, ['-F', '-c', path.join(dir, 'dovecot.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  try {
    await waitForGreeting(port, child, logFile);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${(err as Error).message}\n${output}`);
  }
  let seq = 0;
  const maildir = (user: string) => path.join(mail, user, 'Maildir');
  return {
    host: '127.0.0.1',
    port,
    maildir,
    deliver(user, raw, options = {}) {
      const folder = options.folder;
      const base = folder ? path.join(maildir(user), `.${folder}`) : maildir(user);
      for (const d of ['cur', 'new', 'tmp']) {
        const p = path.join(base, d);
        if (!existsSync(p)) {
          mkdirSync(p, { recursive: true });
        }
      }
      const name = `${Math.floor(Date.now() / 1000)}.M${++seq}P${process.pid}.crm-test`;
      const file = path.join(base, 'new', name);
      writeFileSync(file, raw);
      if (options.received) utimesSync(file, options.received, options.received);
      if (root) {
        for (const p of [path.join(mail, user), maildir(user), base, ...['cur', 'new', 'tmp'].map((d) => path.join(base, d)), file]) {
          if (existsSync(p)) chownSync(p, owner.uid, owner.gid);
        }
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
        clearTimeout(timer);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function idOf(user: string): { uid: number; gid: number } {
  const uid = Number(spawnSync('id', ['-u', user], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', user], { encoding: 'utf8' }).stdout.trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid) || uid <= 0) throw new Error(`no system user ${user} (the dovecot-core package makes it)`);
  return { uid, gid };
}
