/**
 * Typed vscode-languageclient RequestTypes over the one protocol file, server/src/lsp/ext.ts: method strings and
 * shapes live there only (plain, dependency-free TypeScript both sides compile), so they cannot drift apart.
 */
import { RequestType } from 'vscode-languageclient/node';
import * as ext from '../../server/src/lsp/ext';

export * from '../../server/src/lsp/ext';

export const timelineRequest = new RequestType<ext.TimelineParams, ext.TimelineResult | null, void>(
  ext.TIMELINE_METHOD,
);
export const fileSummaryRequest = new RequestType<ext.FileSummaryParams, ext.FileSummaryResult | null, void>(
  ext.FILE_SUMMARY_METHOD,
);
export const importLogRequest = new RequestType<ext.ImportLogParams, ext.ImportLogResult, void>(ext.IMPORT_LOG_METHOD);
export const checkFilesRequest = new RequestType<ext.CheckFilesParams, ext.CheckFilesResult, void>(
  ext.CHECK_FILES_METHOD,
);
export const opBreakdownRequest = new RequestType<ext.OpBreakdownParams, ext.OpBreakdownResult | null, void>(
  ext.OP_BREAKDOWN_METHOD,
);
