/**
 * Spawns the real bundled language server (`node dist/server.js --stdio`) and speaks JSON-RPC to it, as a client
 * would. Waiting is always on messages (diagnostics, responses), never on time.
 */

import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as esbuild from 'esbuild';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import * as proto from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';

/** The checkout root, whether this runs from test/support (tsx) or from out/test/support (compiled bench). */
export const REPO_ROOT = findRepoRoot(__dirname);

function findRepoRoot(from: string): string {
  let dir = from;
  for (let i = 0; i < 8; i++) {
    if (fs.existsSync(path.join(dir, 'esbuild.mjs')) && fs.existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  return path.resolve(from, '..', '..');
}
export const SERVER_BUNDLE = path.join(REPO_ROOT, 'dist', 'server.js');

let built: Promise<void> | undefined;

/** Bundles server/src/main.ts to dist/server.js and its background-analysis worker next to it (the same options as esbuild.mjs), once per test run. */
export function buildServer(): Promise<void> {
  const bundle = (entry: string, outfile: string) =>
    esbuild.build({
      entryPoints: [path.join(REPO_ROOT, entry)],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: true,
      logLevel: 'warning',
    });
  built ??= Promise.all([
    bundle('server/src/main.ts', SERVER_BUNDLE),
    bundle('server/src/lsp/analysisWorker.ts', path.join(path.dirname(SERVER_BUNDLE), 'analysisWorker.js')),
  ]).then(() => undefined);
  return built;
}

export interface LspOptions {
  /** Advertise pull diagnostics (textDocument/diagnostic); otherwise the server pushes. */
  readonly pullDiagnostics?: boolean;
  /** Answer workspace/configuration with these `ttnnL1` settings (and advertise the capability). */
  readonly settings?: Record<string, unknown>;
  readonly workspaceFolder?: string;
  /** Advertise window.workDoneProgress. */
  readonly progress?: boolean;
  /** Advertise workspace.workspaceFolders (default true; false sends rootUri only, like many minimal clients). */
  readonly workspaceFolders?: boolean;
  /** Extra environment for the server process. */
  readonly env?: Readonly<Record<string, string>>;
  /** Spawn another language server instead of ours (benchmarks compare with mlir-lsp-server). */
  readonly command?: { readonly path: string; readonly args: readonly string[] };
}

export interface LspSession {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcess;
  readonly stderr: () => string;
  /** Work-done progress `begin` titles received so far. */
  readonly progressBegins: string[];
  /** Every publishDiagnostics received, in order. */
  readonly published: readonly PublishDiagnosticsParams[];
  /** window/logMessage texts received, in order. */
  readonly logMessages: readonly string[];
  /** window/logMessage messages with their type (1 error, 2 warning, 3 info, 4 log), in order. */
  readonly logEntries: readonly { readonly type: number; readonly message: string }[];
  /** Resolves with the exit code when the server process exits (for tests that prove it does not). */
  readonly exited: Promise<number | null>;
  open(uri: string, text: string, version?: number): Promise<void>;
  /** The next publishDiagnostics for `uri` (with `version` if given), or the latest one if it already matches. */
  diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  /** Sends shutdown then exit and resolves with the process exit code. */
  shutdown(): Promise<number | null>;
}

export function fileUri(p: string): string {
  return URI.file(p).toString();
}

export async function startLsp(options: LspOptions = {}): Promise<LspSession> {
  if (options.command === undefined) await buildServer();
  const command = options.command ?? { path: process.execPath, args: [SERVER_BUNDLE, '--stdio'] };
  const child = spawn(command.path, [...command.args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(options.env !== undefined ? { env: { ...process.env, ...options.env } } : {}),
  });
  let stderrText = '';
  child.stderr!.on('data', (d: Buffer) => (stderrText += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );

  const latest = new Map<string, PublishDiagnosticsParams>();
  const waiters: { uri: string; version: number | undefined; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const published: PublishDiagnosticsParams[] = [];
  const logMessages: string[] = [];
  connection.onNotification(proto.PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    latest.set(p.uri, p);
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i]!;
      if (w.uri === p.uri && (w.version === undefined || w.version === p.version)) {
        waiters.splice(i, 1);
        w.resolve(p);
      }
    }
  });
  const progressBegins: string[] = [];
  connection.onNotification('$/progress', (p: { value: { kind: string; title?: string } }) => {
    if (p.value.kind === 'begin') progressBegins.push(p.value.title ?? '');
  });
  connection.onRequest(proto.ConfigurationRequest.type, (p) => p.items.map(() => options.settings ?? {}));
  connection.onRequest(proto.WorkDoneProgressCreateRequest.type, () => undefined);
  connection.onRequest(proto.DiagnosticRefreshRequest.type, () => undefined);
  connection.onRequest(proto.InlayHintRefreshRequest.type, () => undefined);
  connection.onRequest(proto.RegistrationRequest.type, () => undefined);
  const logEntries: { type: number; message: string }[] = [];
  connection.onNotification(proto.LogMessageNotification.type, (p) => {
    logMessages.push(p.message);
    logEntries.push({ type: p.type, message: p.message });
  });
  connection.listen();

  const capabilities: ClientCapabilities = {
    textDocument: {
      synchronization: { dynamicRegistration: false },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      publishDiagnostics: { relatedInformation: true, versionSupport: true },
      ...(options.pullDiagnostics === true ? { diagnostic: { dynamicRegistration: false } } : {}),
      inlayHint: {},
      codeLens: {},
      foldingRange: {},
    },
    workspace: { configuration: options.settings !== undefined, workspaceFolders: options.workspaceFolders !== false },
    window: { workDoneProgress: options.progress === true },
  };
  const folder = options.workspaceFolder ?? REPO_ROOT;
  await connection.sendRequest(proto.InitializeRequest.type, {
    processId: process.pid,
    rootUri: fileUri(folder),
    capabilities,
    ...(options.workspaceFolders !== false
      ? { workspaceFolders: [{ uri: fileUri(folder), name: path.basename(folder) }] }
      : {}),
  });
  await connection.sendNotification(proto.InitializedNotification.type, {});

  return {
    connection,
    child,
    stderr: () => stderrText,
    progressBegins,
    published,
    logMessages,
    logEntries,
    exited,
    async open(uri, text, version = 1) {
      await connection.sendNotification(proto.DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'mlir', version, text },
      });
    },
    diagnostics(uri, version) {
      const have = latest.get(uri);
      if (have !== undefined && (version === undefined || have.version === version)) return Promise.resolve(have);
      return new Promise((resolve) => waiters.push({ uri, version, resolve }));
    },
    async shutdown() {
      await connection.sendRequest(proto.ShutdownRequest.type);
      await connection.sendNotification(proto.ExitNotification.type);
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
}

/** A diagnostic's message as text: LSP 3.18 lets it be markup content, which String() would print as [object Object]. */
export function diagnosticText(message: string | proto.MarkupContent): string {
  return typeof message === 'string' ? message : message.value;
}
