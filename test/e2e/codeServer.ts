/**
 * Starts code-server 4.100.3 (a real VS Code 1.100.3 workbench, installed into .rig/ by .ci/setup-vscode-rig.sh) on
 * 127.0.0.1 with our packaged extension installed into a fresh extensions dir and a temp copy of a workspace.
 * Recipe and pitfalls: shared reference vscode-test-rig.md.
 */
import { execFileSync, spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

export const REPO_ROOT = path.join(__dirname, '..', '..');

export interface CodeServer {
  readonly url: string;
  readonly workspaceDir: string;
  readonly logPath: string;
  stop(): void;
}

export interface CodeServerOptions {
  /** Files copied into the temp workspace: name in the workspace → source path. */
  readonly workspaceFiles: Readonly<Record<string, string>>;
  /** The .vsix to install. */
  readonly vsixPath: string;
  readonly userSettings: Readonly<Record<string, unknown>>;
}

export function codeServerBin(): string {
  const bin = process.env['CODE_SERVER_BIN'] ?? path.join(REPO_ROOT, '.rig', 'node_modules', '.bin', 'code-server');
  if (!fs.existsSync(bin)) throw new Error(`code-server not found at ${bin}; run: bash .ci/setup-vscode-rig.sh`);
  return bin;
}

/** Bundles in production mode and packages a .vsix into `outDir` with the project's own vsce. */
export function packageVsix(outDir: string): string {
  const vsixPath = path.join(outDir, 'ttnn-l1-lens-e2e.vsix');
  execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: REPO_ROOT, stdio: 'pipe' });
  execFileSync(
    process.execPath,
    [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '-o', vsixPath],
    {
      cwd: REPO_ROOT,
      stdio: 'pipe',
    },
  );
  return vsixPath;
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const bin = codeServerBin();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ttnn-l1-e2e-'));
  const workspaceDir = path.join(tmp, 'ws');
  const dataDir = path.join(tmp, 'data');
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(workspaceDir);
  fs.mkdirSync(path.join(dataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir);
  for (const [name, source] of Object.entries(options.workspaceFiles)) {
    fs.mkdirSync(path.dirname(path.join(workspaceDir, name)), { recursive: true });
    fs.copyFileSync(source, path.join(workspaceDir, name));
  }
  fs.writeFileSync(path.join(dataDir, 'User', 'settings.json'), JSON.stringify(options.userSettings, null, 2));
  execFileSync(
    bin,
    ['--user-data-dir', dataDir, '--extensions-dir', extensionsDir, '--install-extension', options.vsixPath],
    {
      stdio: 'pipe',
    },
  );

  const port = await freePort();
  const logPath = path.join(tmp, 'code-server.log');
  const log = fs.openSync(logPath, 'w');
  // Detached: its own process group, so stop() takes the extension host, the file watcher and our server with it.
  const child: ChildProcess = spawn(
    bin,
    [
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--user-data-dir',
      dataDir,
      '--extensions-dir',
      extensionsDir,
      workspaceDir,
    ],
    { detached: true, stdio: ['ignore', log, log] },
  );
  const url = `http://127.0.0.1:${port}`;
  // Generous: on a loaded machine code-server takes well over its usual second to answer.
  await waitForHealthy(`${url}/healthz`, child, 120_000);
  return {
    url,
    workspaceDir,
    logPath,
    stop(): void {
      if (child.pid !== undefined && child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
      }
      fs.closeSync(log);
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Polls /healthz until it answers 200; fails early if code-server exits. */
async function waitForHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      http
        .get(url, (res) => {
          res.resume();
          resolve(res.statusCode === 200);
        })
        .on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs} ms`);
}

/** Polls `probe` until it returns a value other than undefined, or throws `what` after `timeoutMs`. */
export async function waitUntil<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${what}${lastError instanceof Error ? `: ${lastError.message}` : ''}`,
  );
}
