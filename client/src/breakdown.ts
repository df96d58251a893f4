/**
 * The full L1 breakdown of one op (every CB, tensor, citation, the build window), which a hover links to: a read-only
 * Markdown document of the `ttnn-l1-breakdown` scheme whose content comes from `ttnnL1/opBreakdown`, shown rendered.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SHOW_BREAKDOWN_COMMAND, opBreakdownRequest } from './lspExt';

export const BREAKDOWN_SCHEME = 'ttnn-l1-breakdown';

/** `ttnn-l1-breakdown:/%9 ttnn.to_layout.md?<uri, line, character>`: the query carries the request's arguments. */
function breakdownUri(uri: string, line: number, character: number): vscode.Uri {
  const name = vscode.Uri.parse(uri).path.split('/').pop() ?? 'op';
  return vscode.Uri.from({
    scheme: BREAKDOWN_SCHEME,
    path: `/${name}:${line + 1}.md`,
    query: JSON.stringify([uri, line, character]),
  });
}

export function registerBreakdown(client: LanguageClient): vscode.Disposable {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
      const [documentUri, line, character] = JSON.parse(uri.query) as [string, number, number];
      const result = client.isRunning()
        ? await client.sendRequest(opBreakdownRequest, { uri: documentUri, position: { line, character } })
        : null;
      return result?.markdown ?? 'No L1 analysis for this op (the file changed, or the server is not running).';
    },
  };
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(BREAKDOWN_SCHEME, provider),
    vscode.commands.registerCommand(SHOW_BREAKDOWN_COMMAND, async (uri: unknown, line: unknown, character: unknown) => {
      if (typeof uri !== 'string' || !Number.isInteger(line) || !Number.isInteger(character)) return;
      const target = breakdownUri(uri, line as number, character as number);
      // Rendered when the built-in Markdown extension is there; the plain read-only text otherwise.
      await vscode.commands.executeCommand('markdown.showPreviewToSide', target).then(undefined, async () => {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target), {
          preview: true,
          viewColumn: vscode.ViewColumn.Beside,
        });
      });
    }),
  );
}
