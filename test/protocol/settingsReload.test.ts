/**
 * The real bundled server over stdio: a `workspace/didChangeConfiguration` whose settings equal the current ones
 * (VS Code's client sends one at start, besides the server's own configuration request after `initialized`) keeps
 * every analysis: a pull keeps its result id (else the client is sent every diagnostic again) and nothing is
 * republished; settings that differ re-analyse and say so.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as proto from 'vscode-languageserver-protocol/node';
import { fileUri, REPO_ROOT, startLsp, type LspSession } from '../support/lspProcess';

const SEED_PATH = path.join(REPO_ROOT, 'examples/mochi_replicate_pad.mlir');
const SEED = fs.readFileSync(SEED_PATH, 'utf8');
const URI = fileUri(SEED_PATH);

async function pull(lsp: LspSession, previousResultId?: string): Promise<proto.DocumentDiagnosticReport> {
  return lsp.connection.sendRequest(proto.DocumentDiagnosticRequest.type, {
    textDocument: { uri: URI },
    ...(previousResultId !== undefined ? { previousResultId } : {}),
  });
}

/** The settings the client answers `workspace/configuration` with, and how often the server asked. */
function answerSettings(lsp: LspSession, initial: Record<string, unknown>) {
  const state = { settings: initial, configurationRequests: 0 };
  lsp.connection.onRequest(proto.ConfigurationRequest.type, (p) => {
    state.configurationRequests++;
    return p.items.map(() => state.settings);
  });
  return state;
}

/** Waits until `done` holds (polled every 10 ms, at most 10 s). */
async function until(what: string, done: () => boolean): Promise<void> {
  for (let waitedMs = 0; !done(); waitedMs += 10) {
    if (waitedMs > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('protocol: settings re-sent unchanged', () => {
  let lsp: LspSession;
  before(async () => {
    lsp = await startLsp({ pullDiagnostics: true, settings: { notReachedSeverity: 'information' } });
  });
  after(async () => {
    assert.strictEqual(await lsp.shutdown(), 0);
  });

  it('keeps the result id; changed settings give a new one and the new diagnostics', async () => {
    const state = answerSettings(lsp, { notReachedSeverity: 'information' });
    await lsp.open(URI, SEED);
    const first = await pull(lsp);
    assert.strictEqual(first.kind, 'full');
    const asked = state.configurationRequests;

    // What VS Code's client does once at start, and again whenever any setting of the workspace changes.
    await lsp.connection.sendNotification(proto.DidChangeConfigurationNotification.type, { settings: null });
    await until('the settings request', () => state.configurationRequests === asked + 1);
    const same = await pull(lsp, first.resultId);
    assert.strictEqual(same.kind, 'unchanged');

    state.settings = { notReachedSeverity: 'error' };
    await lsp.connection.sendNotification(proto.DidChangeConfigurationNotification.type, { settings: null });
    await until('the settings request', () => state.configurationRequests === asked + 2);
    const changed = (await pull(lsp, first.resultId)) as proto.FullDocumentDiagnosticReport;
    assert.strictEqual(changed.kind, 'full');
    assert.notStrictEqual(changed.resultId, first.resultId);
    const notReached = changed.items.filter((d) => d.code === 'l1-overflow-not-reached');
    assert.ok(notReached.length > 0);
    assert.ok(notReached.every((d) => d.severity === proto.DiagnosticSeverity.Error));
  });
});

describe('protocol: settings pushed unchanged (a client without workspace/configuration)', () => {
  let lsp: LspSession;
  before(async () => {
    lsp = await startLsp();
    await lsp.open(URI, SEED);
  });
  after(async () => {
    assert.strictEqual(await lsp.shutdown(), 0);
  });

  it('publishes nothing again for equal settings, and republishes for changed ones', async () => {
    await lsp.diagnostics(URI, 1);
    // This document's publishes (the Python source its locs name gets its own).
    const ofDump = () => lsp.published.filter((p) => p.uri === URI);
    const published = ofDump().length;
    const settings = (ttnnL1: Record<string, unknown>) => ({ settings: { ttnnL1 } });
    await lsp.connection.sendNotification(proto.DidChangeConfigurationNotification.type, settings({}));
    // A request answered after the change is handled behind it (messages are read in order).
    await pull(lsp);
    await lsp.connection.sendNotification(
      proto.DidChangeConfigurationNotification.type,
      settings({ notReachedSeverity: 'error' }),
    );
    await until('a republish', () => ofDump().length > published);
    // Exactly one more publish: the changed settings' (an equal-settings reload published nothing before it).
    assert.strictEqual(ofDump().length, published + 1);
    const last = ofDump()[published]!;
    const notReached = last.diagnostics.filter((d) => d.code === 'l1-overflow-not-reached');
    assert.ok(notReached.length > 0);
    assert.ok(notReached.every((d) => d.severity === proto.DiagnosticSeverity.Error));
  });
});
