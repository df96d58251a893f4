/**
 * Regression tests for issue #15 ("Reliability round 2"), each reproducer through the bundled CLI (a child process)
 * and through the bundled server as a push client and as a pull client:
 * 1. a func.func in a ttcore.cpu_module that calls another (diagnostics crashed: CLI exit 1 with a stack, push server
 *    exited, pull answered an empty list); a failure on the publish path becomes one internal-error diagnostic;
 * 2/3. special and huge files (FIFO, /dev/zero, sparse 600 MB) are refused by the CLI and by "Check workspace";
 * 4/7. the Python fix resolves next to the dump, never a decoy in the cwd, never through a symlink out of the
 *    workspace; a `loc` outside the workspace is not linked;
 * 5. non-MLIR text exits 2 from `check` and from `fix`;
 * 6. a conv3d kernel past 2^53 is a model overflow, not "3.744e+24 B" or `null`;
 * 8. UTF-16 is named, minimal clients get no error log line, `hover` with null params is InvalidParams.
 */

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as proto from 'vscode-languageserver-protocol/node';
import { diagnosticText, fileUri, REPO_ROOT, startLsp, type LspSession } from '../support/lspProcess';

const CLI = path.join(REPO_ROOT, 'dist/cli.js');
const SEED_PATH = path.join(REPO_ROOT, 'examples/mochi_replicate_pad.mlir');
const SEED = fs.readFileSync(SEED_PATH, 'utf8');
const PYTHON = fs.readFileSync(path.join(REPO_ROOT, 'examples/mochi/single_ops.py'), 'utf8');

/** The 39-byte reproducer from the issue (a truncated cpu_module whose func uses a symbol). */
export const CPU_MODULE_REPRODUCER = 'ttcore.cpu_module{%2=func.func@g(){m.@g';

/** A well-formed CPU module: @g calls @h with func.call (the corpus's CPU modules use llvm.func, so never hit this). */
export const CPU_MODULE = `  ttcore.cpu_module {
    builtin.module {
      func.func @h(%a: tensor<4xf32>) -> tensor<4xf32> {
        return %a : tensor<4xf32>
      }
      func.func @g(%a: tensor<4xf32>) -> tensor<4xf32> {
        %0 = func.call @h(%a) : (tensor<4xf32>) -> tensor<4xf32>
        return %0 : tensor<4xf32>
      }
    }
  }
`;

/** The seed with that CPU module next to its device module: the seed's overflow must still be reported. */
const SEED_WITH_CPU_MODULE = SEED.replace('\n  ttcore.device_module {', `\n${CPU_MODULE}  ttcore.device_module {`);

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(args: readonly string[], options: { cwd?: string } = {}): Run {
  // A hang is a failure, not a stuck test run: every call has a deadline.
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    cwd: options.cwd ?? REPO_ROOT,
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function mkfifo(file: string): boolean {
  return spawnSync('mkfifo', [file]).status === 0;
}

describe('reliability round 2 (issue #15): CLI', function () {
  this.timeout(120_000);
  let dir: string;
  const write = (name: string, content: string | Uint8Array): string => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  };
  before(() => {
    if (!fs.existsSync(CLI))
      spawnSync(process.execPath, [path.join(REPO_ROOT, 'esbuild.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ttnn-l1-round2-')));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('1. functions in a CPU module that use symbols', () => {
    it('a CPU module whose func calls another: exit 0, a report, no stack trace', () => {
      const r = cli(['check', write('cpu.mlir', `module {\n${CPU_MODULE}}\n`)]);
      assert.equal(r.status, 0, r.stderr);
      assert.doesNotMatch(r.stderr + r.stdout, /TypeError|at \w+ \(/);
      assert.match(r.stdout, /no op overflows L1/);
    });

    it('next to an overflowing device module: exit 1 with the seed failure, and every file of several reported', () => {
      const file = write('seed_cpu.mlir', SEED_WITH_CPU_MODULE);
      const r = cli(['check', file, SEED_PATH, '--format', 'json']);
      assert.equal(r.status, 1, r.stderr);
      const reports = r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { summary: { firstFailure?: { result: string } } });
      assert.deepEqual(
        reports.map((x) => x.summary.firstFailure?.result),
        ['%9', '%9'],
      );
    });

    it('the 39-byte reproducer: a one-line verdict and a documented exit code, no stack trace', () => {
      const r = cli(['check', write('r1.mlir', CPU_MODULE_REPRODUCER)]);
      assert.ok(r.status === 0 || r.status === 2, `${r.status} ${r.stderr}`);
      assert.doesNotMatch(r.stderr + r.stdout, /TypeError|at \w+ \(/);
    });
  });

  describe('2/3. special and huge files', () => {
    it('/dev/zero: exit 2 at once ("a character device"), not a read without end', function () {
      if (!fs.existsSync('/dev/zero')) this.skip();
      const r = cli(['check', '/dev/zero']);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /\/dev\/zero is a character device, not a regular file/);
      assert.equal(r.stderr.trim().split('\n').length, 1);
    });

    it('a FIFO with no writer: exit 2 at once, not blocked forever; also as --log and --system-desc', function () {
      const fifo = path.join(dir, 'pipe.mlir');
      if (!mkfifo(fifo)) this.skip();
      const r = cli(['check', fifo]);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /is a FIFO \(named pipe\), not a regular file/);
      const log = cli(['check', SEED_PATH, '--log', fifo]);
      assert.equal(log.status, 2, log.stderr);
      assert.match(log.stderr, /--log: .*FIFO/);
      const desc = cli(['check', SEED_PATH, '--system-desc', fifo]);
      assert.equal(desc.status, 2, desc.stderr);
    });

    it('a sparse 600 MB file: exit 2 from the size, without reading it', () => {
      const big = path.join(dir, 'big.mlir');
      fs.writeFileSync(big, '');
      fs.truncateSync(big, 600_000_000);
      const r = cli(['check', big]);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /is 600 MB; the limit is 536 MB/);
    });
  });

  describe('5. non-MLIR text: check and fix agree on exit 2', () => {
    const random = Uint8Array.from({ length: 256 * 1024 }, (_, i) => 1 + (((i * 2654435761) >>> 7) % 255));
    const cases: readonly (readonly [string, () => string | Uint8Array])[] = [
      ['package.json', () => fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')],
      ['README.md', () => fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8')],
      ['single_ops.py', () => PYTHON],
      ['random.bin', () => random],
      ['quotes.mlir', () => '""'],
      ['quoted-dotted.txt', () => 'see "ttnn.to_layout" and "ttnn.conv3d" in the docs\n'],
      ['empty.mlir', () => ''],
    ];
    for (const [name, content] of cases) {
      it(`${name}: check exits 2 with one line; fix exits 2 too`, () => {
        const file = write(`nonmlir/${name}`, content());
        const c = cli(['check', file]);
        assert.equal(c.status, 2, `${c.stdout}${c.stderr}`);
        assert.equal(c.stderr.trim().split('\n').length, 1, c.stderr);
        const f = cli(['fix', file]);
        assert.equal(f.status, 2, `${f.stdout}${f.stderr}`);
        assert.doesNotMatch(f.stdout, /nothing to fix/);
      });
    }

    it('a binary file: fix exits 2 like check', () => {
      const file = write('nonmlir/blob.bin', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]));
      assert.equal(cli(['check', file]).status, 2);
      assert.equal(cli(['fix', file]).status, 2);
    });

    it('MLIR without overflows still exits 0 from both (the signal is not too strict)', () => {
      const file = write('ok.mlir', `module {\n${CPU_MODULE}}\n`);
      assert.equal(cli(['check', file]).status, 0);
      const f = cli(['fix', file]);
      assert.equal(f.status, 0, f.stderr);
      assert.match(f.stdout, /nothing to fix/);
    });
  });

  describe('6. byte figures past 2^53', () => {
    // 2^53 + 1 and a 331-digit integer (a JS number reads it as Infinity); the seed's conv3d is
    // %24 = "ttnn.conv3d"(...) <{... kernel_size = array<i32: 3, 3, 3> ...}>.
    for (const kernel of ['9007199254740993', `1${'0'.repeat(330)}`]) {
      it(`kernel_size ${kernel.length > 20 ? '10^330' : kernel}: the conv3d is a model overflow with no figure, never null or Infinity`, () => {
        assert.ok(SEED.includes('kernel_size = array<i32: 3, 3, 3>'));
        const file = write(
          `k${kernel.length}.mlir`,
          SEED.replace('kernel_size = array<i32: 3, 3, 3>', `kernel_size = array<i32: ${kernel}, 3, 3>`),
        );
        const r = cli(['check', file, '--format', 'json']);
        assert.equal(r.status, 1, r.stderr);
        assert.doesNotMatch(r.stdout, /null|Infinity|NaN|\de\+\d/);
        const report = JSON.parse(r.stdout) as {
          ops: { op: string; model: string; reason?: string; cbBytesPerCore?: number }[];
          diagnostics: { code: string; line: number }[];
        };
        const conv = report.ops.find((o) => o.op === 'ttnn.conv3d')!;
        assert.equal(conv.model, 'unmodeled');
        assert.match(conv.reason ?? '', /^model overflow/);
        assert.ok(!('cbBytesPerCore' in conv));
        assert.ok(report.diagnostics.some((d) => d.code === 'model-overflow'));
        const text = cli(['check', file]);
        assert.doesNotMatch(text.stdout, /Infinity|\de\+\d/);
      });
    }
  });

  describe('4/7. the Python fix edits the file next to the dump, inside the workspace', () => {
    const setUp = (root: string): { dump: string; real: string; decoy: string } => {
      fs.mkdirSync(path.join(root, 'examples/mochi'), { recursive: true });
      fs.mkdirSync(path.join(root, 'mochi'), { recursive: true });
      const dump = path.join(root, 'examples/mochi_replicate_pad.mlir');
      fs.writeFileSync(dump, SEED);
      fs.writeFileSync(path.join(root, 'examples/mochi/single_ops.py'), PYTHON);
      fs.writeFileSync(path.join(root, 'mochi/single_ops.py'), PYTHON);
      return {
        dump,
        real: path.join(root, 'examples/mochi/single_ops.py'),
        decoy: path.join(root, 'mochi/single_ops.py'),
      };
    };

    it('a decoy ./mochi/single_ops.py in the cwd is left alone; the one next to the dump is rewritten', () => {
      const root = path.join(dir, 'ws-decoy');
      const { real, decoy } = setUp(root);
      const r = cli(['fix', '--only', 'constant-pad-python', '--apply', 'examples/mochi_replicate_pad.mlir'], {
        cwd: root,
      });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(fs.readFileSync(decoy, 'utf8'), PYTHON);
      assert.notEqual(fs.readFileSync(real, 'utf8'), PYTHON);
      assert.match(fs.readFileSync(real, 'utf8'), /mode="constant"/);
    });

    it('a dump outside the cwd resolves next to itself, not against the cwd', () => {
      const root = path.join(dir, 'ws-elsewhere');
      const { dump, real } = setUp(root);
      const cwd = path.join(dir, 'cwd-with-decoy');
      fs.mkdirSync(path.join(cwd, 'mochi'), { recursive: true });
      fs.writeFileSync(path.join(cwd, 'mochi/single_ops.py'), PYTHON);
      const r = cli(['fix', '--only', 'constant-pad-python', '--apply', dump], { cwd });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(fs.readFileSync(path.join(cwd, 'mochi/single_ops.py'), 'utf8'), PYTHON);
      assert.match(fs.readFileSync(real, 'utf8'), /mode="constant"/);
    });

    it('a symlink in the workspace to a file outside it is neither read nor written', () => {
      const root = path.join(dir, 'ws-symlink');
      const { real } = setUp(root);
      fs.rmSync(path.join(root, 'mochi'), { recursive: true });
      const outside = path.join(dir, 'outside-single_ops.py');
      fs.writeFileSync(outside, PYTHON);
      fs.rmSync(real);
      fs.symlinkSync(outside, real);
      const r = cli(['fix', '--only', 'constant-pad-python', '--apply', 'examples/mochi_replicate_pad.mlir'], {
        cwd: root,
      });
      assert.equal(r.status, 2, r.stderr);
      assert.equal(fs.readFileSync(outside, 'utf8'), PYTHON);
    });
  });

  describe('8. UTF-16 input', () => {
    const utf16le = (text: string, bom: boolean): Buffer =>
      Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);
    const utf16be = (text: string): Buffer => {
      const le = Buffer.from(text, 'utf16le');
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
    };
    for (const [name, bytes, kind] of [
      ['le-bom.mlir', utf16le(SEED, true), 'UTF-16LE'],
      ['le-nobom.mlir', utf16le(SEED, false), 'UTF-16LE'],
      ['be-bom.mlir', utf16be(SEED), 'UTF-16BE'],
    ] as const) {
      it(`${name}: exit 2 saying ${kind}, re-save as UTF-8 (not "binary file")`, () => {
        const r = cli(['check', write(name, bytes)]);
        assert.equal(r.status, 2);
        assert.match(r.stderr, new RegExp(`${kind} text, not UTF-8: re-save it as UTF-8`));
        assert.doesNotMatch(r.stderr, /binary/);
      });
    }
  });
});

const MARKER = 'diagnostics-fault-91c2';
const ESCAPE = 'escape-fault-3e5d';

for (const mode of ['push', 'pull'] as const) {
  describe(`reliability round 2 (issue #15): server as a ${mode} client`, function () {
    this.timeout(120_000);
    let lsp: LspSession;
    let dir: string;
    let exitedEarly = false;

    const diagnosticsOf = async (uri: string, version = 1): Promise<proto.Diagnostic[]> => {
      if (mode === 'push') return (await lsp.diagnostics(uri, version)).diagnostics;
      const report = await lsp.connection.sendRequest(proto.DocumentDiagnosticRequest.type, { textDocument: { uri } });
      assert.equal(report.kind, 'full');
      return (report as proto.FullDocumentDiagnosticReport).items;
    };

    before(async () => {
      dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `ttnn-l1-round2-${mode}-`)));
      lsp = await startLsp({
        pullDiagnostics: mode === 'pull',
        workspaceFolder: dir,
        env: { TTNN_L1_TEST_DIAGNOSTICS_FAULT_MARKER: MARKER, TTNN_L1_TEST_ESCAPE_MARKER: ESCAPE },
      });
      void lsp.exited.then(() => (exitedEarly = true));
    });
    after(async () => {
      assert.equal(exitedEarly, false, `the server exited early: ${lsp.stderr()}`);
      assert.equal(await lsp.shutdown(), 0);
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('1. the seed with a CPU module that calls a function: the overflow is reported, no internal error', async () => {
      const uri = fileUri(path.join(dir, 'seed_cpu.mlir'));
      await lsp.open(uri, SEED_WITH_CPU_MODULE);
      const items = await diagnosticsOf(uri);
      assert.ok(
        items.some((d) => d.code === 'l1-cb-overflow' && d.severity === proto.DiagnosticSeverity.Error),
        JSON.stringify(items.map((d) => d.code)),
      );
      assert.ok(!items.some((d) => d.code === 'internal-error'));
    });

    it('1. the 39-byte reproducer: diagnostics, no internal error, and the server answers afterwards', async () => {
      const uri = fileUri(path.join(dir, 'r1.mlir'));
      await lsp.open(uri, CPU_MODULE_REPRODUCER);
      const items = await diagnosticsOf(uri);
      assert.ok(items.length > 0);
      assert.ok(!items.some((d) => d.code === 'internal-error'), JSON.stringify(items));
      const hover = await lsp.connection.sendRequest(proto.HoverRequest.type, {
        textDocument: { uri },
        position: { line: 0, character: 3 },
      });
      assert.ok(hover === null || typeof hover === 'object');
    });

    it('1. a failure on the diagnostics path itself: one internal-error diagnostic, the stack in the log, the server lives', async () => {
      const uri = fileUri(path.join(dir, 'fault.mlir'));
      await lsp.open(uri, `// ${MARKER}\n${SEED}`);
      const items = await diagnosticsOf(uri);
      assert.equal(items.length, 1, JSON.stringify(items));
      assert.equal(items[0]!.code, 'internal-error');
      assert.match(diagnosticText(items[0]!.message), /injected diagnostics fault/);
      assert.ok(
        lsp.logEntries.some(
          (e) => e.type === proto.MessageType.Error && /injected diagnostics fault[\s\S]*\n\s+at /.test(e.message),
        ),
      );
      // Another document is still served.
      const other = fileUri(path.join(dir, 'other.mlir'));
      await lsp.open(other, SEED);
      assert.ok((await diagnosticsOf(other)).some((d) => d.code === 'l1-cb-overflow'));
    });

    it('1. an unhandled rejection and an uncaught exception outside any handler: logged with their stacks, the server lives', async () => {
      const uri = fileUri(path.join(dir, 'escape.mlir'));
      await lsp.open(uri, `// ${ESCAPE}\n${SEED}`);
      // The document is still analysed and its diagnostics delivered.
      assert.ok((await diagnosticsOf(uri)).some((d) => d.code === 'l1-cb-overflow'));
      // The escapes are logged when the event loop reaches them, which a loaded machine may put after the publish:
      // wait for both entries (up to 20 s) rather than a fixed delay.
      const escapesLogged = (messages: readonly string[]): boolean =>
        messages.some((m) => m.startsWith('unhandled rejection:')) &&
        messages.some((m) => m.startsWith('uncaught exception:'));
      const errorMessages = (): string[] =>
        lsp.logEntries.filter((e) => e.type === proto.MessageType.Error).map((e) => e.message);
      for (let waitedMs = 0; !escapesLogged(errorMessages()) && waitedMs < 20_000; waitedMs += 50)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const errors = errorMessages();
      assert.ok(
        errors.some((m) => /^unhandled rejection: Error: injected unhandled rejection[\s\S]*\n\s+at /.test(m)),
        errors.join('\n'),
      );
      assert.ok(
        errors.some((m) => /^uncaught exception: Error: injected uncaught exception[\s\S]*\n\s+at /.test(m)),
        errors.join('\n'),
      );
      assert.equal(exitedEarly, false);
    });

    it('7. a loc naming /etc/passwd is not a link; the message says where it points and why', async () => {
      const uri = fileUri(path.join(dir, 'passwd.mlir'));
      assert.ok(SEED.includes('"tests/torch/models/mochi/single_ops.py"'));
      await lsp.open(uri, SEED.split('"tests/torch/models/mochi/single_ops.py"').join('"/etc/passwd"'));
      const items = await diagnosticsOf(uri);
      const error = items.find((d) => d.code === 'l1-cb-overflow')!;
      assert.ok(error !== undefined);
      for (const r of error.relatedInformation ?? []) assert.equal(r.location.uri, uri, `links ${r.location.uri}`);
      assert.match(
        diagnosticText(error.message),
        /\/etc\/passwd:16\)?: (?:outside the workspace \(not linked\)|not found)/,
      );
    });

    it('8. hover with params null is InvalidParams (-32602), and the server carries on', async () => {
      await assert.rejects(
        lsp.connection.sendRequest('textDocument/hover', null),
        (e: { code?: number }) => e.code === proto.ErrorCodes.InvalidParams,
      );
      await assert.rejects(
        lsp.connection.sendRequest('textDocument/definition', { textDocument: { uri: 'file:///x.mlir' } }),
        (e: { code?: number }) => e.code === proto.ErrorCodes.InvalidParams,
      );
      const uri = fileUri(path.join(dir, 'seed_cpu.mlir'));
      const hover = await lsp.connection.sendRequest(proto.HoverRequest.type, {
        textDocument: { uri },
        position: { line: 0, character: 0 },
      });
      assert.ok(hover === null || typeof hover === 'object');
    });

    it('malformed notifications and requests: dropped or InvalidParams; no request fails inside; later documents are right', async () => {
      const uri = fileUri(path.join(dir, 'malformed.mlir'));
      const notifications: readonly (readonly [string, unknown])[] = [
        ['textDocument/didOpen', null],
        ['textDocument/didOpen', {}],
        ['textDocument/didOpen', { textDocument: { uri, text: 5, version: 'x', languageId: 'mlir' } }],
        ['textDocument/didChange', null],
        [
          'textDocument/didChange',
          {
            textDocument: { uri, version: 2 },
            contentChanges: [{ range: { start: { line: -5, character: 1e9 }, end: null }, text: null }],
          },
        ],
        ['textDocument/didClose', null],
        ['workspace/didChangeConfiguration', null],
        ['workspace/didChangeConfiguration', { settings: 'abc' }],
        ['workspace/didChangeWorkspaceFolders', null],
        ['$/cancelRequest', null],
      ];
      for (const [method, params] of notifications) await lsp.connection.sendNotification(method, params as never);
      const invalid: readonly (readonly [string, unknown])[] = [
        ['textDocument/references', { textDocument: { uri }, position: { line: 0, character: 1 } }],
        [
          'textDocument/codeAction',
          { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } } },
        ],
        ['textDocument/inlayHint', { textDocument: { uri } }],
        ['ttnnL1/checkFiles', { uris: 'file:///x.mlir' }],
        ['ttnnL1/timeline', []],
      ];
      for (const [method, params] of invalid) {
        await assert.rejects(
          lsp.connection.sendRequest(method, params as never),
          (e: { code?: number }) => e.code === proto.ErrorCodes.InvalidParams,
          method,
        );
      }
      await lsp.open(uri, SEED, 3);
      const items = await diagnosticsOf(uri, 3);
      assert.ok(
        items.some(
          (d) =>
            d.code === 'l1-cb-overflow' &&
            d.range.start.line === SEED.split('\n').findIndex((l) => l.includes('%9 = "ttnn.to_layout"')),
        ),
      );
      assert.deepEqual(
        lsp.logEntries.filter((e) => /request failed/.test(e.message)).map((e) => e.message.slice(0, 200)),
        [],
      );
    });

    if (mode === 'push') {
      it('2. Check workspace refuses a FIFO, a sparse 600 MB file and /dev/zero with a reason, and still checks the rest', async function () {
        const fifo = path.join(dir, 'pipe.mlir');
        const haveFifo = mkfifo(fifo);
        const big = path.join(dir, 'big.mlir');
        fs.writeFileSync(big, '');
        fs.truncateSync(big, 600_000_000);
        const json = path.join(dir, 'data.mlir');
        fs.writeFileSync(json, '{"name": "x", "ttnn.add": 1}\n');
        const uris = [
          ...(haveFifo ? [fifo] : []),
          big,
          json,
          SEED_PATH,
          ...(fs.existsSync('/dev/zero') ? ['/dev/zero'] : []),
        ].map(fileUri);
        const result = (await lsp.connection.sendRequest('ttnnL1/checkFiles', { uris })) as {
          files: { uri: string; overflowCount: number; error?: string }[];
        };
        const byName = new Map(result.files.map((f) => [path.basename(new URL(f.uri).pathname), f]));
        if (haveFifo) assert.match(byName.get('pipe.mlir')?.error ?? '', /FIFO/);
        assert.match(byName.get('big.mlir')?.error ?? '', /600 MB; the limit is/);
        assert.match(byName.get('data.mlir')?.error ?? '', /no MLIR operations/);
        assert.ok((byName.get('mochi_replicate_pad.mlir')?.overflowCount ?? 0) > 0);
        if (byName.has('zero')) assert.match(byName.get('zero')!.error ?? '', /character device/);
      });
    }
  });
}

describe('reliability round 2 (issue #15): a client without workspace folders', function () {
  this.timeout(60_000);
  it('gets no error-level log line on start', async () => {
    const lsp = await startLsp({ workspaceFolders: false });
    const uri = fileUri(SEED_PATH);
    await lsp.open(uri, SEED);
    await lsp.diagnostics(uri, 1);
    assert.deepEqual(
      lsp.logEntries.filter((e) => e.type === proto.MessageType.Error),
      [],
    );
    assert.equal(await lsp.shutdown(), 0);
  });
});
